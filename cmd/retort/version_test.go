package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVersion builds the real binary and checks `retort version` and
// `retort --version` against what the Go toolchain reads from the same
// binary (go version -m): module version, VCS revision and modified flag,
// Go version; and that the SQLite line is a 3.x.y library version.
func TestVersion(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not found on PATH to build retort: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "retort")
	build := exec.Command(gobin, "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/retort failed: %v\n%s", err, out)
	}
	meta, err := exec.Command(gobin, "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	want := expectedVersion(t, string(meta))
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("retort %s: %v", args[0], err)
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("retort %s printed %d lines, want 4:\n%s", args[0], len(lines), out)
		}
		if got := strings.Join(lines[:3], "\n"); got != want {
			t.Errorf("retort %s printed\n%s\nwant\n%s", args[0], got, want)
		}
		if !regexp.MustCompile(`^sqlite 3\.[0-9]+\.[0-9]+$`).MatchString(lines[3]) {
			t.Errorf("retort %s: SQLite line %q, want sqlite 3.x.y", args[0], lines[3])
		}
	}
}

// expectedVersion is the first three lines of `retort version` as the
// output of go version -m describes the binary.
func expectedVersion(t *testing.T, meta string) string {
	t.Helper()
	first, _, _ := strings.Cut(meta, "\n")
	_, goVersion, _ := strings.Cut(first, ": ")
	var version, revision, modified string
	for _, l := range strings.Split(meta, "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) >= 3 && f[0] == "mod":
			version = f[2]
		case len(f) == 2 && f[0] == "build" && strings.HasPrefix(f[1], "vcs.revision="):
			revision = strings.TrimPrefix(f[1], "vcs.revision=")
		case len(f) == 2 && f[0] == "build" && strings.HasPrefix(f[1], "vcs.modified="):
			modified = strings.TrimPrefix(f[1], "vcs.modified=")
		}
	}
	if version == "" || goVersion == "" {
		t.Fatalf("go version -m output without module or Go version:\n%s", meta)
	}
	commit := "unknown (built without VCS information)"
	if revision != "" {
		commit = revision
		if modified == "true" {
			commit += " (modified)"
		}
	}
	return "retort " + version + "\ncommit " + commit + "\ngo     " + strings.TrimSpace(goVersion)
}
