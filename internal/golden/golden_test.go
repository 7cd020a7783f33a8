package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// rec is a testing.TB that records failures instead of failing the test,
// so the helpers' own failures can be checked.
type rec struct {
	testing.TB
	mu       sync.Mutex
	errs     []string
	cleanups []func()
}

func (r *rec) Helper() {}
func (r *rec) Errorf(f string, a ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
}
func (r *rec) Fatalf(f string, a ...any) { r.Errorf(f, a...); runtime.Goexit() }
func (r *rec) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.errs) > 0
}
func (r *rec) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// run calls body with a recorder, then its cleanups, as a test would, and
// returns the failures joined by newlines.
func run(t *testing.T, body func(tb testing.TB)) string {
	r := &rec{TB: t}
	inGoroutine(func() { body(r) })
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		inGoroutine(r.cleanups[i])
	}
	return strings.Join(r.errs, "\n")
}

func inGoroutine(f func()) {
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	<-done
}

// updating sets -update for the rest of the test.
func updating(t *testing.T, on bool) {
	old := *update
	*update = on
	t.Cleanup(func() { *update = old })
}

// unfiltered makes the archive see a run of every case.
func unfiltered(t *testing.T, whole bool) {
	old := filtered
	filtered = func() bool { return !whole }
	t.Cleanup(func() { filtered = old })
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.sql")
	writeFile(t, path, "SELECT 1;\nSELECT 2;\n")
	tests := []struct {
		name   string
		update bool
		path   string
		got    string
		want   string // substring of the failures; "" for none
		file   string // the file afterwards
	}{
		{"same", false, path, "SELECT 1;\nSELECT 2;\n", "", "SELECT 1;\nSELECT 2;\n"},
		{"differs", false, path, "SELECT 1;\nSELECT 3;\n", `first difference at line 2
  got:  "SELECT 3;"
  want: "SELECT 2;"`, "SELECT 1;\nSELECT 2;\n"},
		{"shorter", false, path, "SELECT 1;", "line 2\n  got:  end of text", "SELECT 1;\nSELECT 2;\n"},
		{"missing", false, filepath.Join(dir, "nope.sql"), "x\n", "go test -update creates it", ""},
		{"update rewrites", true, path, "SELECT 3;\n", "", "SELECT 3;\n"},
		{"update creates", true, filepath.Join(dir, "sub", "new.sql"), "SELECT 4;\n", "", "SELECT 4;\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			updating(t, tt.update)
			got := run(t, func(tb testing.TB) { Check(tb, tt.path, tt.got) })
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("failures %q, want %q", got, tt.want)
			}
			if tt.file != "" {
				if f := readFile(t, tt.path); f != tt.file {
					t.Errorf("file holds %q, want %q", f, tt.file)
				}
			}
		})
	}
}

const archive = `Golden output of TestX.
-- a --
SELECT 1;
-- b --
-- nothing
-- c --
SELECT 3;
`

func TestArchiveCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txtar")
	writeFile(t, path, archive)
	tests := []struct {
		name  string
		whole bool
		check map[string]string
		want  string
	}{
		{"all same", true, map[string]string{"a": "SELECT 1;\n", "b": "-- nothing\n", "c": "SELECT 3;\n"}, ""},
		{"one differs", true, map[string]string{"a": "SELECT 1;\n", "b": "-- nothing\n", "c": "SELECT 4;\n"}, "section c of golden file"},
		{"stale section", true, map[string]string{"a": "SELECT 1;\n", "b": "-- nothing\n"}, "section c belongs to no case"},
		{"filtered run", false, map[string]string{"a": "SELECT 1;\n"}, ""},
		{"unknown section", true, map[string]string{"d": "x\n"}, "has no section d"},
		{"no final newline", true, map[string]string{"a": "SELECT 1;"}, "does not end in a newline"},
		{"marker line", true, map[string]string{"a": "-- a --\n"}, "reads as a txtar marker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			updating(t, false)
			unfiltered(t, tt.whole)
			got := run(t, func(tb testing.TB) {
				a := Open(tb, path)
				for _, n := range []string{"a", "b", "c", "d"} {
					if text, ok := tt.check[n]; ok {
						a.Check(tb, n, text)
					}
				}
			})
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("failures %q, want %q", got, tt.want)
			}
			if f := readFile(t, path); f != archive {
				t.Errorf("a compare run changed the file:\n%s", f)
			}
		})
	}
}

func TestArchiveCheckedTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txtar")
	writeFile(t, path, archive)
	unfiltered(t, false)
	got := run(t, func(tb testing.TB) {
		a := Open(tb, path)
		a.Check(tb, "a", "SELECT 1;\n")
		a.Check(tb, "a", "SELECT 1;\n")
	})
	if !strings.Contains(got, "section a checked twice") {
		t.Errorf("failures %q", got)
	}
}

func TestArchiveUpdate(t *testing.T) {
	tests := []struct {
		name   string
		start  string // "" for no file
		whole  bool
		fail   bool
		checks [][2]string
		want   string
	}{
		{"rewrites in file order, new at the end, drops stale", archive, true, false,
			[][2]string{{"e", "new\n"}, {"c", "SELECT 30;\n"}, {"a", "SELECT 1;\n"}},
			"Golden output of TestX.\n-- a --\nSELECT 1;\n-- c --\nSELECT 30;\n-- e --\nnew\n"},
		{"filtered run keeps the rest", archive, false, false,
			[][2]string{{"c", "SELECT 30;\n"}},
			"Golden output of TestX.\n-- a --\nSELECT 1;\n-- b --\n-- nothing\n-- c --\nSELECT 30;\n"},
		{"failed run keeps the rest", archive, true, true,
			[][2]string{{"c", "SELECT 30;\n"}},
			"Golden output of TestX.\n-- a --\nSELECT 1;\n-- b --\n-- nothing\n-- c --\nSELECT 30;\n"},
		{"nothing checked leaves the file", archive, true, false, nil, archive},
		{"creates the file", "", true, false,
			[][2]string{{"z", "1\n"}, {"y", "2\n"}},
			"Golden output of TestArchiveUpdate/creates_the_file, one section per case; go test -update rewrites it.\n-- z --\n1\n-- y --\n2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			updating(t, true)
			unfiltered(t, tt.whole)
			path := filepath.Join(t.TempDir(), "x.txtar")
			if tt.start != "" {
				writeFile(t, path, tt.start)
			}
			failures := run(t, func(tb testing.TB) {
				a := Open(tb, path)
				for _, c := range tt.checks {
					a.Check(tb, c[0], c[1])
				}
				if tt.fail {
					tb.Errorf("a case failed")
				}
			})
			if want := map[bool]string{true: "a case failed", false: ""}[tt.fail]; failures != want {
				t.Errorf("failures %q, want %q", failures, want)
			}
			if f := readFile(t, path); f != tt.want {
				t.Errorf("file:\n%s\nwant:\n%s", f, tt.want)
			}
		})
	}
}
