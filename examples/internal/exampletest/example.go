package exampletest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An Example is a copy of the example module migrated by this
// repository's retort on one target database.
type Example struct {
	t      *testing.T
	Dir    string // the copy
	Target string // sqlite, postgres or mariadb
	retort string
	env    []string // RETORT_URL and EXAMPLE_DIALECT for the target
	driver string
	dsn    string
	// fkChange: see target.
	fkChange []string
}

func newExample(t *testing.T, retort string, tg target) *Example {
	dir := copyExample(t)
	url, driver, dsn := tg.open(t, dir)
	env := []string{"EXAMPLE_DIALECT=" + tg.dialect}
	if url != "" {
		env = append(env, "RETORT_URL="+url)
	}
	return &Example{t: t, Dir: dir, Target: tg.name, retort: retort, env: env, driver: driver, dsn: dsn, fkChange: tg.fkChange}
}

// Retort runs retort in the copy and fails the test unless it exits
// with code.
func (e *Example) Retort(code int, args ...string) string {
	e.t.Helper()
	out, got := runCode(e.t, e.Dir, e.env, append([]string{e.retort}, args...)...)
	if got != code {
		e.t.Fatalf("on %s: retort %s: exit %d, want %d\n%s", e.Target, strings.Join(args, " "), got, code, out)
	}
	return out
}

// Run runs a command in the copy and fails the test unless it exits 0.
func (e *Example) Run(args ...string) string {
	e.t.Helper()
	return run(e.t, e.Dir, e.env, args...)
}

// upgradeSection returns the upgrade section of the revision file whose
// name ends in suffix.
func (e *Example) upgradeSection(suffix string) string {
	e.t.Helper()
	files, _ := filepath.Glob(filepath.Join(e.Dir, "migrations", "*"+suffix))
	if len(files) != 1 {
		e.t.Fatalf("on %s: revision files *%s: %v, want one", e.Target, suffix, files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		e.t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(data), "-- +downgrade")
	return up
}

// A Replace is an edit of one of the example's files: Old, found exactly
// once, becomes New.
type Replace struct{ File, Old, New string }

func (e *Example) edit(edits []Replace) {
	e.t.Helper()
	for _, r := range edits {
		path := filepath.Join(e.Dir, r.File)
		data, err := os.ReadFile(path)
		if err != nil {
			e.t.Fatal(err)
		}
		if n := strings.Count(string(data), r.Old); n != 1 {
			e.t.Fatalf("%s has %q %d times, want once: the test's edit no longer fits the example", r.File, r.Old, n)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), r.Old, r.New, 1)), 0o644); err != nil {
			e.t.Fatal(err)
		}
	}
}
