package golden

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Archive is a txtar golden file with one section per test case, named
// after the case.
type Archive struct {
	path    string
	comment []byte
	names   []string // sections in file order
	want    map[string][]byte

	mu      sync.Mutex
	checked []string
	got     map[string][]byte
}

// Open reads the txtar golden file at path for test t. When t ends, with
// -update the file is rewritten from the sections checked; without it,
// a section no case checked is an error (a case was removed or renamed),
// unless -run or -skip ran only some cases.
func Open(t testing.TB, path string) *Archive {
	t.Helper()
	a := &Archive{path: path, want: map[string][]byte{}, got: map[string][]byte{}}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		ar := txtar.Parse(data)
		a.comment = ar.Comment
		for _, f := range ar.Files {
			if _, dup := a.want[f.Name]; dup {
				t.Fatalf("golden file %s: section %s appears twice", path, f.Name)
			}
			a.names = append(a.names, f.Name)
			a.want[f.Name] = f.Data
		}
	case errors.Is(err, fs.ErrNotExist) && *update:
		a.comment = []byte(fmt.Sprintf("Golden output of %s, one section per case; go test -update rewrites it.\n", t.Name()))
	default:
		t.Fatalf("golden file %s: %v (go test -update creates it)", path, err)
	}
	t.Cleanup(func() { a.finish(t) })
	return a
}

// Check compares got with the section name; with -update it records got
// as the section's new text.
func (a *Archive) Check(t testing.TB, name, got string) {
	t.Helper()
	if err := representable(name, got); err != nil {
		t.Fatalf("golden file %s: %v", a.path, err)
	}
	a.mu.Lock()
	_, dup := a.got[name]
	if !dup {
		a.got[name] = []byte(got)
		a.checked = append(a.checked, name)
	}
	want, ok := a.want[name]
	a.mu.Unlock()
	switch {
	case dup:
		t.Fatalf("golden file %s: section %s checked twice", a.path, name)
	case *update:
	case !ok:
		t.Fatalf("golden file %s has no section %s (go test -update adds it)", a.path, name)
	default:
		if d := difference(got, string(want)); d != "" {
			t.Errorf("output differs from section %s of golden file %s (go test -update rewrites it once the change is right): %s", name, a.path, d)
		}
	}
}

// representable reports why text cannot be a txtar section, if it cannot.
func representable(name, text string) error {
	if fs := txtar.Parse([]byte("-- " + name + " --\n")).Files; name == "" || len(fs) != 1 || fs[0].Name != name {
		return fmt.Errorf("section name %q is not a txtar file name", name)
	}
	if text != "" && text[len(text)-1] != '\n' {
		return fmt.Errorf("section %s: the output does not end in a newline, which txtar cannot keep", name)
	}
	if txtar.NeedsQuote([]byte(text)) {
		return fmt.Errorf("section %s: the output has a line that reads as a txtar marker (-- name --)", name)
	}
	return nil
}

// finish rewrites the file under -update, else reports stale sections.
func (a *Archive) finish(t testing.TB) {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	// Sections nobody checked are stale only when every case ran and
	// reached its check.
	whole := !filtered() && !t.Failed() && len(a.checked) > 0
	var stale []string
	for _, n := range a.names {
		if _, ok := a.got[n]; !ok {
			stale = append(stale, n)
		}
	}
	if !*update {
		if whole {
			for _, n := range stale {
				t.Errorf("golden file %s: section %s belongs to no case (go test -update removes it)", a.path, n)
			}
		}
		return
	}
	if len(a.checked) == 0 {
		return
	}
	ar := &txtar.Archive{Comment: a.comment}
	for _, n := range a.names {
		if data, ok := a.got[n]; ok {
			ar.Files = append(ar.Files, txtar.File{Name: n, Data: data})
		} else if !whole {
			ar.Files = append(ar.Files, txtar.File{Name: n, Data: a.want[n]})
		}
	}
	for _, n := range a.checked {
		if _, old := a.want[n]; !old {
			ar.Files = append(ar.Files, txtar.File{Name: n, Data: a.got[n]})
		}
	}
	write(t, a.path, txtar.Format(ar))
}

// filtered reports whether -run or -skip may have left cases out.
var filtered = func() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return true
		}
	}
	return false
}
