// Package golden compares test output with golden files under testdata/.
// One -update flag, registered here once for every test binary that
// imports the package, rewrites them instead:
//
//	go test ./dialect/sqlite/ -update
//
// A test with one output per case keeps them in one txtar file (Open);
// a test with a single output keeps it in a plain file (Check).
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/ with the output the tests get")

// Update reports whether the test binary runs with -update.
func Update() bool { return *update }

// Check compares got with the golden file at path; with -update it
// writes got there instead.
func Check(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		write(t, path, []byte(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (go test -update creates it)", path, err)
	}
	if d := difference(got, string(want)); d != "" {
		t.Errorf("output differs from golden file %s (go test -update rewrites it once the change is right): %s", path, d)
	}
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("golden file %s: %v", path, err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("golden file %s: %v", path, err)
	}
}

// difference describes how got differs from want, or is "" when they are
// equal: the first differing line, then both texts in full.
func difference(got, want string) string {
	if got == want {
		return ""
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return fmt.Sprintf("%q", ls[i])
		}
		return "end of text"
	}
	return fmt.Sprintf("first difference at line %d\n  got:  %s\n  want: %s\n--- got:\n%s\n--- want:\n%s",
		i+1, line(g), line(w), got, want)
}
