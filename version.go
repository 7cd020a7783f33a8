package retort

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/retortdb/retort/dialect"
)

// BuildInfo says which build of retort is running, from the module and
// VCS information the Go toolchain stamps into the binary.
type BuildInfo struct {
	// Version is the module version (v1.2.3 after go install ...@v1.2.3),
	// "(devel)" for a build from a checkout.
	Version string
	// Commit is the VCS revision built from, "" when the build has none;
	// Modified says the work tree had uncommitted changes.
	Commit   string
	Modified bool
	// GoVersion is the Go toolchain that built the binary.
	GoVersion string
}

// Build returns the running binary's BuildInfo.
func Build() BuildInfo {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return BuildInfo{Version: "(devel)", GoVersion: runtime.Version()}
	}
	return buildInfoOf(info)
}

func buildInfoOf(info *debug.BuildInfo) BuildInfo {
	b := BuildInfo{Version: "(devel)", GoVersion: runtime.Version()}
	if info.Main.Version != "" {
		b.Version = info.Main.Version
	}
	if info.GoVersion != "" {
		b.GoVersion = info.GoVersion
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// EngineVersion connects to databaseURL and returns the version of the
// database software behind it: the server's, or for SQLite the embedded
// library's ("sqlite://:memory:" needs no file).
func EngineVersion(ctx context.Context, databaseURL string) (string, error) {
	u, d, err := dialect.ParseURL(databaseURL)
	if err != nil {
		return "", err
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		return "", err
	}
	defer db.Close()
	v, err := dialect.EngineVersion(ctx, d, db)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dialect.Redact(databaseURL, dialect.Secrets(databaseURL)...), err)
	}
	return v, nil
}
