package schematest_test

import (
	"context"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// rec records failures instead of failing the test.
type rec struct {
	testing.TB
	errs []string
}

func (r *rec) Helper()                   {}
func (r *rec) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *rec) Fatalf(f string, a ...any) { r.Errorf(f, a...); runtime.Goexit() }

// failures runs body with a recorder and returns what it reported.
func failures(t *testing.T, body func(tb testing.TB)) string {
	r := &rec{TB: t}
	done := make(chan struct{})
	go func() { defer close(done); body(r) }()
	<-done
	return strings.Join(r.errs, "\n")
}

func TestExecAndReflect(t *testing.T) {
	db, err := sqlite.Dialect{}.Open(context.Background(), &url.URL{Scheme: "sqlite", Path: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	schematest.Exec(t, db, "CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id INTEGER PRIMARY KEY)")
	if s := schematest.Reflect(t, sqlite.Dialect{}, db); len(s.Tables) != 2 {
		t.Fatalf("reflected %d tables, want 2", len(s.Tables))
	}
	got := failures(t, func(tb testing.TB) {
		schematest.Exec(tb, db, "CREATE TABLE c (id INTEGER)", "CREATE TABLE a (id INTEGER)", "CREATE TABLE d (id INTEGER)")
	})
	if !strings.HasPrefix(got, "CREATE TABLE a (id INTEGER): ") {
		t.Errorf("failure %q, want it to name the failing statement", got)
	}
	if s := schematest.Reflect(t, sqlite.Dialect{}, db); s.Table("", "d") != nil {
		t.Error("Exec went on after a failing statement")
	}
}

func TestNoDiff(t *testing.T) {
	users := func(typ string) *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{{Name: "users", Columns: []*schema.Column{{Name: "id", Type: typ}}}}}
	}
	tests := []struct {
		name     string
		got      *schema.Schema
		want     *schema.Schema
		ops      int
		failures string
	}{
		{"equal", users("integer"), users("integer"), 0, ""},
		{"differ", users("integer"), users("bigint"), 1, "1 operation(s) between schemas that should be equal:\n  alter column users.id: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n int
			got := failures(t, func(tb testing.TB) { n = len(schematest.NoDiff(tb, tt.got, tt.want, diff.Options{})) })
			if n != tt.ops || !strings.HasPrefix(got, tt.failures) || (tt.failures == "") != (got == "") {
				t.Errorf("NoDiff returned %d ops and reported %q; want %d and %q", n, got, tt.ops, tt.failures)
			}
		})
	}
}

func TestMigrationAndCount(t *testing.T) {
	db, err := sqlite.Dialect{}.Open(context.Background(), &url.URL{Scheme: "sqlite", Path: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	want := &schema.Schema{Tables: []*schema.Table{{Name: "users", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}}}}}
	ops, stmts := schematest.Migration(t, sqlite.Dialect{}, &schema.Schema{}, want, diff.Options{})
	if len(ops) != 1 || len(stmts) != 1 {
		t.Fatalf("Migration = %v, %q; want one create table", ops, stmts)
	}
	schematest.Exec(t, db, stmts...)
	schematest.Exec(t, db, "INSERT INTO users VALUES (1), (2)")
	if n := schematest.Count(t, db, "SELECT count(*) FROM users"); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	if got := failures(t, func(tb testing.TB) { schematest.Count(tb, db, "SELECT count(*) FROM nowhere") }); !strings.HasPrefix(got, "SELECT count(*) FROM nowhere: ") {
		t.Errorf("Count's failure %q, want it to name the query", got)
	}
	bad := &schema.Schema{Tables: []*schema.Table{{Name: "users"}, {Name: "users"}}}
	if got := failures(t, func(tb testing.TB) { schematest.Migration(tb, sqlite.Dialect{}, &schema.Schema{}, bad, diff.Options{}) }); got == "" {
		t.Error("Migration to a schema with the table twice reported nothing")
	}
}
