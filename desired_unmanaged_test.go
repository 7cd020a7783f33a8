package retort_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
)

// An object retort does not manage (here a virtual table) makes
// Autogenerate fail with *diff.UnmanagedError unless IgnoreUnmanaged, and
// Check report it and not be clean until the database has it.
func TestUnmanagedObjects(t *testing.T) {
	ctx := context.Background()
	m, err := retort.Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "app.db"), nil, retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	files := retort.SQLFiles{{Name: "schema.sql", SQL: `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
CREATE VIRTUAL TABLE notes_fts USING fts5(body);`}}
	const want = "virtual table notes_fts (present in desired schema, absent from database)"

	_, _, _, err = m.Autogenerate(ctx, files)
	var unmanaged *retort.UnmanagedError
	if !errors.As(err, &unmanaged) || len(unmanaged.Differences) != 1 || unmanaged.Differences[0].String() != want {
		t.Fatalf("Autogenerate: got %v, want an UnmanagedError with %q", err, want)
	}
	up, _, _, err := m.Autogenerate(ctx, files, retort.AutogenerateOptions{IgnoreUnmanaged: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(up) != 1 || !strings.Contains(up[0], `CREATE TABLE "notes"`) {
		t.Fatalf("with IgnoreUnmanaged: up = %q, want the table alone", up)
	}
	for _, s := range up {
		if _, err := retort.DBOf(m).ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}

	rep, err := m.Check(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 0 || len(rep.Unmanaged) != 1 || rep.Unmanaged[0].String() != want || rep.Clean() {
		t.Fatalf("Check: changes %v, unmanaged %v, clean %v; want only %q, not clean", rep.Changes, rep.Unmanaged, rep.Clean(), want)
	}
	if _, err := retort.DBOf(m).ExecContext(ctx, "CREATE VIRTUAL TABLE notes_fts USING fts5(body)"); err != nil {
		t.Fatal(err)
	}
	if rep, err = m.Check(ctx, files); err != nil || !rep.Clean() {
		t.Fatalf("Check after creating it: %+v, %v; want clean", rep, err)
	}
}
