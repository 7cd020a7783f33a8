package retort_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/retortdb/retort"
)

// bigTableDDL is the desired schema: an index on a table of
// bigTableRows rows (big at --big-table 1000) and one on a small table.
const bigTableDDL = `CREATE TABLE big (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL);
CREATE INDEX big_body_idx ON big (body);
CREATE UNIQUE INDEX big_body_id_key ON big (body, id);
CREATE TABLE small (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL);
CREATE INDEX small_body_idx ON small (body);
`

const bigTableRows = 1000

// Autogenerate builds an index on a big existing table the way lint asks
// (PostgreSQL: CONCURRENTLY, so lint has nothing to say about it), keeps
// plain statements for a small table, and the revision upgrades, checks
// clean and downgrades on each server. MySQL and SQLite render as before.
func TestAutogenerateIndexOnBigTable(t *testing.T) {
	want := map[string]struct {
		up, down []string // statements the sections must hold
		lint     []string // pg-lock findings: table and severity
	}{
		"postgres": {
			up: []string{"CREATE INDEX CONCURRENTLY big_body_idx ON big (body)",
				"CREATE UNIQUE INDEX CONCURRENTLY big_body_id_key ON big (body, id)",
				"CREATE INDEX small_body_idx ON small (body)"},
			down: []string{"DROP INDEX CONCURRENTLY big_body_idx", "DROP INDEX CONCURRENTLY big_body_id_key", "DROP INDEX small_body_idx"},
			lint: []string{"small warning"},
		},
		"mysql":  {},
		"sqlite": {},
	}
	eachDialect(t, func(t *testing.T, name string) {
		ctx := context.Background()
		url, dir := freshURL(t, name), t.TempDir()
		open := func() *retort.Migrator {
			m, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { m.Close() })
			return m
		}
		m := open()
		db := retort.DBOf(m)
		exec(t, db, "CREATE TABLE big (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL)")
		exec(t, db, "CREATE TABLE small (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL)")
		exec(t, db, insertRows("big", bigTableRows))
		exec(t, db, insertRows("small", 10))
		desired := retort.SQLFiles{{Name: "schema.sql", SQL: bigTableDDL}}

		up, down, _, err := m.Autogenerate(ctx, desired, retort.AutogenerateOptions{BigTable: bigTableRows})
		if err != nil {
			t.Fatal(err)
		}
		w := want[name]
		for _, sec := range []struct {
			name       string
			got, wants []string
		}{{"upgrade", up, w.up}, {"downgrade", down, w.down}} {
			text := strings.Join(sec.got, ";\n")
			for _, s := range sec.wants {
				if !strings.Contains(text+";", s+";") {
					t.Errorf("%s lacks %q:\n%s", sec.name, s, text)
				}
			}
			if len(sec.wants) == 0 && strings.Contains(strings.ToUpper(text), "CONCURRENTLY") {
				t.Errorf("%s has CONCURRENTLY, which %s does not know:\n%s", sec.name, name, text)
			}
		}
		if _, err := retort.WriteRevision(dir, retort.NewRevision{Message: "indexes",
			Upgrade: strings.Join(up, ";\n") + ";\n", Downgrade: strings.Join(down, ";\n") + ";\n"}); err != nil {
			t.Fatal(err)
		}

		m = open()
		rep, err := m.Lint(ctx, retort.LintOptions{BigTable: bigTableRows})
		if err != nil {
			t.Fatal(err)
		}
		var locks []string
		for _, f := range rep.Findings {
			if f.Rule == "pg-lock" {
				for _, tb := range []string{"big", "small"} {
					if strings.Contains(f.Message, " "+tb+" (") {
						locks = append(locks, tb+" "+string(f.Severity))
					}
				}
			}
		}
		if fmt.Sprint(locks) != fmt.Sprint(w.lint) {
			t.Errorf("pg-lock findings %v, want %v (all: %v)", locks, w.lint, rep.Findings)
		}

		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		check, err := m.Check(ctx, desired)
		if err != nil {
			t.Fatal(err)
		}
		if !check.Clean() {
			t.Errorf("check after upgrade is not clean: %+v", check)
		}
		if _, err := m.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		live, err := m.Inspect(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range live.Tables {
			if len(tb.Indexes) != 0 {
				t.Errorf("after downgrade %s still has indexes %v", tb.Name, tb.Indexes)
			}
		}
	})
}

// insertRows inserts n rows into a table of (id, body) in one statement.
func insertRows(table string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (id, body) VALUES ", table)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(%d, 'b%d')", i, i)
	}
	return b.String()
}
