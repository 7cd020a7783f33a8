package dialecttest

import (
	"context"
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// Errors checks the error role on the database's own errors: a missing
// table is MissingTable (and a refusal); another refusal is Rejected
// but no missing table; a statement cut short by its context is
// neither; and a schema file's refused statement is a *dialect.LoadError
// at its line, described as DescribeError describes it.
func Errors(t *testing.T, tg Target) {
	d := tg.Dialect
	ctx := context.Background()
	db, u := open(t, tg)

	_, missing := db.ExecContext(ctx, "SELECT revision FROM retort_version")
	if missing == nil {
		t.Fatal("reading retort_version of a fresh database succeeded")
	}
	if !d.MissingTable(missing) || !d.Rejected(missing) {
		t.Errorf("%v: MissingTable %v, Rejected %v; want both true", missing, d.MissingTable(missing), d.Rejected(missing))
	}
	create := "CREATE TABLE twice (id INTEGER PRIMARY KEY)"
	if _, err := db.ExecContext(ctx, create); err != nil {
		t.Fatal(err)
	}
	_, refused := db.ExecContext(ctx, create)
	if refused == nil {
		t.Fatal("creating a table twice succeeded")
	}
	if d.MissingTable(refused) || !d.Rejected(refused) {
		t.Errorf("%v: MissingTable %v, Rejected %v; want false, true", refused, d.MissingTable(refused), d.Rejected(refused))
	}
	if msg := d.DescribeError(refused); msg == "" {
		t.Errorf("DescribeError(%v) is empty", refused)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.ExecContext(cctx, "CREATE TABLE never (id INTEGER PRIMARY KEY)"); err == nil || d.Rejected(err) || d.MissingTable(err) {
		t.Errorf("a statement whose context ended: error %v, Rejected %v, MissingTable %v; want an error that is neither", err, err != nil && d.Rejected(err), err != nil && d.MissingTable(err))
	}

	target := u
	if d.Capabilities().EmbeddedScratch {
		target = nil
	}
	bad := dialect.SourceFile{Name: "bad.sql", SQL: create + ";\n\n" + create + ";\n"}
	_, err := d.LoadDesired(ctx, target, "", []dialect.SourceFile{bad})
	var le *dialect.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("loading a file that creates a table twice: %v, want a *dialect.LoadError", err)
	}
	if le.File != "bad.sql" || le.Line != 3 || le.Msg != d.DescribeError(le.Err) {
		t.Errorf("LoadError at %s:%d with %q; want bad.sql:3 with DescribeError's %q", le.File, le.Line, le.Msg, d.DescribeError(le.Err))
	}
}
