package retort

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func buildInfo(version string, settings map[string]string, deps ...*debug.Module) *debug.BuildInfo {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Path: "github.com/retortdb/retort/cmd/retort",
		Main: debug.Module{Path: "github.com/retortdb/retort", Version: version}, Deps: deps}
	for k, v := range settings {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
	}
	return bi
}

// Only build information that pins every source file identifies a build;
// anything else falls back to hashing the executable.
func TestVCSBuildIdentity(t *testing.T) {
	clean := map[string]string{"vcs": "git", "vcs.revision": "8a50ab6e", "vcs.modified": "false"}
	dirty := map[string]string{"vcs": "git", "vcs.revision": "8a50ab6e", "vcs.modified": "true"}
	sqlite := &debug.Module{Path: "modernc.org/sqlite", Version: "v1.62.0", Sum: "h1:x"}
	cases := []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
	}{
		{"clean checkout", buildInfo("v0.0.0-20261125-8a50ab6e", clean, sqlite), true},
		{"clean checkout, devel version", buildInfo("(devel)", clean), true},
		{"modified checkout", buildInfo("v0.0.0-20261125-8a50ab6e+dirty", dirty), false},
		{"modified checkout, devel version", buildInfo("(devel)", dirty), false},
		{"released module", buildInfo("v1.2.3", nil, sqlite), true},
		{"devel without VCS stamps", buildInfo("(devel)", nil), false},
		{"no version at all", buildInfo("", nil), false},
		{"revision without modified flag", buildInfo("(devel)", map[string]string{"vcs.revision": "8a50ab6e"}), false},
		{"dependency replaced by a directory", buildInfo("v1.2.3", nil,
			&debug.Module{Path: "modernc.org/sqlite", Version: "v1.62.0", Replace: &debug.Module{Path: "../sqlite"}}), false},
		{"dependency replaced by a module", buildInfo("v1.2.3", nil,
			&debug.Module{Path: "modernc.org/sqlite", Version: "v1.62.0", Replace: &debug.Module{Path: "example.com/sqlite", Version: "v1.0.0", Sum: "h1:y"}}), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, ok := vcsBuildIdentity(c.bi)
			if ok != c.ok {
				t.Fatalf("usable = %v, want %v", ok, c.ok)
			}
			if ok && (!strings.Contains(id, c.bi.Main.Version) || !strings.Contains(id, c.bi.GoVersion)) {
				t.Fatalf("identity %q leaves out the version", id)
			}
		})
	}
	a, _ := vcsBuildIdentity(buildInfo("(devel)", clean))
	b, _ := vcsBuildIdentity(buildInfo("(devel)", map[string]string{"vcs.revision": "4fe9da8c", "vcs.modified": "false"}))
	if a == b {
		t.Fatal("two revisions have the same identity")
	}
}

// The executable is hashed once per path, size and modification time;
// later runs read the hash from the cache directory.
func TestCachedExecutableHash(t *testing.T) {
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	want, err := hashFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	got, err := cachedExecutableHash(dir)
	if err != nil || got != want {
		t.Fatalf("hash %q, %v; want %q", got, err, want)
	}
	memos, _ := filepath.Glob(filepath.Join(dir, "exe-*"))
	if len(memos) != 1 {
		t.Fatalf("memo files: %v", memos)
	}
	// A memo is read, not recomputed...
	other := strings.Repeat("ab", 32)
	if err := os.WriteFile(memos[0], []byte(other), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _ := cachedExecutableHash(dir); got != other {
		t.Fatalf("the memo was not used: %q", got)
	}
	// ...unless it is not a hash.
	for _, bad := range []string{"", "xyz", strings.Repeat("AB", 32), other + "\n"} {
		if err := os.WriteFile(memos[0], []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, _ := cachedExecutableHash(dir); got != want {
			t.Fatalf("memo %q: hash %q, want %q", bad, got, want)
		}
		if data, _ := os.ReadFile(memos[0]); string(data) != want {
			t.Fatalf("memo %q was not rewritten: %q", bad, data)
		}
	}
}
