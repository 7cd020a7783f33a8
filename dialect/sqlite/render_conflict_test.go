package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// CREATE TABLE writes each ON CONFLICT clause where SQLite's grammar puts
// it: after NOT NULL, after an inline PRIMARY KEY (before AUTOINCREMENT),
// after a table PRIMARY KEY or UNIQUE column list.
func TestRenderConflictClauses(t *testing.T) {
	cases := []struct {
		name  string
		table *schema.Table
		want  []string
	}{
		{"not null", &schema.Table{Name: "t", Columns: []*schema.Column{{Name: "a", Type: "TEXT", NotNullConflict: "IGNORE"}}},
			[]string{`"a" TEXT NOT NULL ON CONFLICT IGNORE`}},
		{"rowid alias", &schema.Table{Name: "t",
			Columns:    []*schema.Column{{Name: "id", Type: "INTEGER", AutoIncrement: true}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}, OnConflict: "REPLACE"}},
			[]string{`"id" INTEGER PRIMARY KEY ON CONFLICT REPLACE AUTOINCREMENT NOT NULL`}},
		{"table primary key", &schema.Table{Name: "t",
			Columns:    []*schema.Column{{Name: "a", Type: "TEXT"}, {Name: "b", Type: "TEXT"}},
			PrimaryKey: &schema.PrimaryKey{Name: "pk", Columns: []string{"a", "b"}, Desc: []string{"b"}, OnConflict: "ROLLBACK"}},
			[]string{`CONSTRAINT "pk" PRIMARY KEY ("a", "b" DESC) ON CONFLICT ROLLBACK`}},
		{"uniques", &schema.Table{Name: "t",
			Columns: []*schema.Column{{Name: "a", Type: "TEXT", Nullable: true}, {Name: "b", Type: "TEXT", Nullable: true}},
			Uniques: []*schema.Unique{{Columns: []string{"a", "b"}, OnConflict: "FAIL"}, {Name: "u", Columns: []string{"b"}}}},
			[]string{`UNIQUE ("a", "b") ON CONFLICT FAIL`, `CONSTRAINT "u" UNIQUE ("b")` + "\n"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := renderCreateTable(tc.table, tc.table.Name)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s\nlacks %q", got, w)
				}
			}
			// SQLite accepts it and reflection reads back the same clauses.
			db := reflOpenMemory(t)
			schematest.Exec(t, db, got)
			s, err := Dialect{}.Reflect(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			back := reflStrip(s.Table("", "t"))
			if ops, err := diff.Schemas(&schema.Schema{Tables: []*schema.Table{tc.table}}, &schema.Schema{Tables: []*schema.Table{back}}, diff.Options{}); err != nil || len(ops) > 0 {
				t.Errorf("reflected back with differences %v (%v):\n%s", ops, err, reflJSON(back))
			}
			if len(s.Unmanaged) > 0 {
				t.Errorf("reported as unmanaged: %v", s.Unmanaged)
			}
		})
	}
}

// conflictMigrate brings db to the schema desired.sql gives, through
// diff and Render, and returns the upgrade statements.
func conflictMigrate(t *testing.T, db *sql.DB, cur *schema.Schema, desired ...string) ([]string, error) {
	t.Helper()
	want := reflOpenMemory(t)
	schematest.Exec(t, want, desired...)
	ws, err := Dialect{}.Reflect(context.Background(), want)
	if err != nil {
		t.Fatal(err)
	}
	ops, err := diff.Schemas(cur, ws, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) == 0 {
		t.Fatal("no changes")
	}
	stmts, err := Dialect{}.Render(ops, cur, dialect.RenderOptions{Naming: dialectNaming()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = rebuildMigrate(t, db, cur, ops)
	return stmts, err
}

// A parent table gaining ON CONFLICT REPLACE is rebuilt: the clause is in
// the new table, the cascading child keeps its rows, and REPLACE works.
func TestRebuildAddsConflictClause(t *testing.T) {
	db := rebuildOpenDB(t)
	ctx := context.Background()
	base := []string{
		`CREATE TABLE p (id INTEGER PRIMARY KEY, email TEXT NOT NULL, code TEXT)`,
		`CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE)`,
	}
	schematest.Exec(t, db, base...)
	schematest.Exec(t, db, `INSERT INTO p VALUES (1, 'a', 'x'), (2, 'b', 'y')`, `INSERT INTO c VALUES (10, 1), (20, 2)`)
	cur, err := Dialect{}.Reflect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := conflictMigrate(t, db, cur,
		`CREATE TABLE p (id INTEGER PRIMARY KEY, email TEXT NOT NULL ON CONFLICT IGNORE, code TEXT UNIQUE ON CONFLICT REPLACE)`, base[1])
	if err != nil {
		t.Fatalf("%v\n%s", err, strings.Join(stmts, ";\n"))
	}
	if !strings.Contains(strings.Join(stmts, "\n"), "INSERT OR ABORT INTO") {
		t.Errorf("the copy follows the new table's clauses:\n%s", strings.Join(stmts, ";\n"))
	}
	if n := prepQueryInt(t, db, `SELECT count(*) FROM c`); n != 2 {
		t.Fatalf("child rows: %d, want 2", n)
	}
	after, err := Dialect{}.Reflect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	p := after.Table("", "p")
	if p.Column("email").NotNullConflict != "IGNORE" || len(p.Uniques) != 1 || p.Uniques[0].OnConflict != "REPLACE" {
		t.Fatalf("clauses lost in the rebuild: %s", p.SQL)
	}
	// REPLACE: a row with code 'x' replaces row 1 (foreign keys are on, and
	// REPLACE's delete cascades to child 10); IGNORE: a NULL email is skipped.
	schematest.Exec(t, db, `INSERT INTO p VALUES (3, 'c', 'x')`, `INSERT INTO p VALUES (4, NULL, 'z')`)
	if got := strings.Join(prepQueryStrings(t, db, `SELECT id || ':' || code FROM p ORDER BY id`), " "); got != "2:y 3:x" {
		t.Fatalf("rows after REPLACE and IGNORE: %s, want 2:y 3:x", got)
	}
}

// Adding a UNIQUE ... ON CONFLICT REPLACE over duplicate rows fails the
// revision instead of letting the copy replace (delete) rows.
func TestRebuildConflictCopyFailsOnDuplicates(t *testing.T) {
	db := rebuildOpenDB(t)
	ctx := context.Background()
	schematest.Exec(t, db, `CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)`,
		`INSERT INTO t VALUES (1, 'x', NULL), (2, 'x', NULL)`)
	cur, err := Dialect{}.Reflect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, desired := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE ON CONFLICT REPLACE, b TEXT)`,
		`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE ON CONFLICT IGNORE, b TEXT)`,
		`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT NOT NULL ON CONFLICT IGNORE)`,
	} {
		if _, err := conflictMigrate(t, db, cur, desired); err == nil || !strings.Contains(err.Error(), "constraint failed") {
			t.Errorf("%s: error %v, want a constraint failure", desired, err)
		}
		if got := strings.Join(prepQueryStrings(t, db, `SELECT id || a FROM t ORDER BY id`), " "); got != "1x 2x" {
			t.Fatalf("%s: rows %s, want 1x 2x", desired, got)
		}
	}
}

// SQLite makes one index for keys over the same columns; the clause of a
// UNIQUE that joined an earlier key's index is that index's clause.
func TestReflectMergedKeyConflict(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db,
		`CREATE TABLE u (a TEXT, UNIQUE (a), UNIQUE (a) ON CONFLICT REPLACE)`,
		`CREATE TABLE k (b TEXT PRIMARY KEY, UNIQUE (b) ON CONFLICT IGNORE)`)
	s, err := Dialect{}.Reflect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if u := s.Table("", "u"); len(u.Uniques) != 1 || u.Uniques[0].OnConflict != "REPLACE" {
		t.Errorf("u: %s", reflJSON(u.Uniques))
	}
	if k := s.Table("", "k"); len(k.Uniques) != 0 || k.PrimaryKey.OnConflict != "IGNORE" {
		t.Errorf("k: %s %s", reflJSON(k.Uniques), reflJSON(k.PrimaryKey))
	}
	// SQLite agrees: both replace or ignore.
	schematest.Exec(t, db, `INSERT INTO u VALUES ('x'), ('x')`, `INSERT INTO k VALUES ('y'), ('y')`)
}
