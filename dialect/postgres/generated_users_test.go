package postgres

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

const twiceInt = `CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';`
const twiceBig = `CREATE FUNCTION twice(x int) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';`

// A generated column using a function whose result type changes is
// dropped and added around the function's drop and create: its values
// are computed again, both ways. It comes back last, and the schema
// then matches: column order is not compared (PostgreSQL can only add a
// column at the end).
func TestGeneratedColumnAroundFunction(t *testing.T) {
	table := `CREATE TABLE t (id int PRIMARY KEY, d bigint NOT NULL GENERATED ALWAYS AS (twice(id)) STORED, n text);
CREATE INDEX t_d ON t (d);`
	db, _ := reflFresh(t, "")
	want, _ := reflFresh(t, "")
	objExec(t, db, twiceInt+table+`INSERT INTO t (id, n) VALUES (1, 'a'), (2, 'b'), (3, 'c');`)
	objExec(t, want, twiceBig+table)
	cur := schematest.Reflect(t, Dialect{}, db)
	desired := schematest.Reflect(t, Dialect{}, want)
	opts := Dialect{}.Capabilities().DiffOptions()
	ops, err := diff.Schemas(cur, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	sums := func(what string) {
		t.Helper()
		var ok string
		if err := db.QueryRow(`SELECT CASE WHEN sum(d) = 12 AND count(*) = 3 THEN 'ok' END FROM t`).Scan(&ok); err != nil || ok != "ok" {
			t.Errorf("after the %s the generated values are not computed again: %q, %v", what, ok, err)
		}
	}
	matches := func(what string, to *schema.Schema, sql []string) {
		t.Helper()
		got := schematest.Reflect(t, Dialect{}, db)
		if names := columnNames(got.Table("", "t")); what == "upgrade" && names != "id,n,d" {
			t.Errorf("after the upgrade the columns are %s, want d last", names)
		}
		if left, err := diff.Schemas(got, to, opts); err != nil || len(left) > 0 {
			t.Errorf("after the %s the schema still differs: %v, %v\n%s", what, left, err, strings.Join(sql, ";\n"))
		}
	}
	up, err := Dialect{}.Render(ops, cur.Clone(), dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runPlan(t, db, Dialect{}.Prepare(up))
	matches("upgrade", desired, up)
	sums("upgrade")
	down, err := Dialect{}.Render(op.ReverseAll(ops), desired.Clone(), dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runPlan(t, db, Dialect{}.Prepare(down))
	matches("downgrade", cur, down)
	sums("downgrade")
}

func columnNames(t *schema.Table) string {
	var names []string
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

// A generated column the drop would lose more than its values with, or
// that stops being generated, is not dropped and added: rendering the
// function's drop refuses, naming the column and the function.
func TestGeneratedColumnAroundFunctionRefused(t *testing.T) {
	cases := []struct{ name, current, desired string }{
		{"extended statistics name it",
			twiceInt + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED); CREATE STATISTICS t_s ON id, d FROM t;`,
			twiceBig + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED); CREATE STATISTICS t_s ON id, d FROM t;`},
		{"a statistics target is set on it",
			twiceInt + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED); ALTER TABLE t ALTER COLUMN d SET STATISTICS 500;`,
			twiceBig + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED); ALTER TABLE t ALTER COLUMN d SET STATISTICS 500;`},
		{"it is in the primary key",
			twiceInt + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED, PRIMARY KEY (id, d));`,
			twiceBig + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED, PRIMARY KEY (id, d));`},
		{"it stops being generated",
			twiceInt + `CREATE TABLE t (id int, d bigint GENERATED ALWAYS AS (twice(id)) STORED);`,
			twiceBig + `CREATE TABLE t (id int, d bigint);`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := reflFresh(t, "")
			want, _ := reflFresh(t, "")
			objExec(t, db, c.current)
			objExec(t, want, c.desired)
			cur := schematest.Reflect(t, Dialect{}, db)
			ops, err := diff.Schemas(cur, schematest.Reflect(t, Dialect{}, want), Dialect{}.Capabilities().DiffOptions())
			if err != nil {
				t.Fatal(err)
			}
			_, err = Dialect{}.Render(ops, cur.Clone(), dialect.RenderOptions{})
			if err == nil || !strings.Contains(err.Error(), "function twice(integer)") || !strings.Contains(err.Error(), "generated column t.d") {
				t.Fatalf("render: %v, want a refusal naming the function and the column", err)
			}
		})
	}
}

// Changing a generation expression drops and adds the column; what
// retort does not manage and names the column (extended statistics,
// column options) would go with it unnoticed, so the render refuses,
// naming it, and says what to do.
func TestGeneratedExpressionChangeKeepsUnmanaged(t *testing.T) {
	cases := []struct{ name, extra, want string }{
		{"extended statistics", "CREATE STATISTICS t_nd ON n, d FROM t;", "statistics t_nd"},
		{"column statistics target", "ALTER TABLE t ALTER COLUMN d SET STATISTICS 500;", "d"},
		{"nothing unmanaged", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := reflFresh(t, "")
			want, _ := reflFresh(t, "")
			objExec(t, db, `CREATE TABLE t (id int PRIMARY KEY, n int, d int GENERATED ALWAYS AS (n * 2) STORED);`+tc.extra)
			objExec(t, want, `CREATE TABLE t (id int PRIMARY KEY, n int, d int GENERATED ALWAYS AS (n * 3) STORED);`+tc.extra)
			cur := schematest.Reflect(t, Dialect{}, db)
			ops, err := diff.Schemas(cur, schematest.Reflect(t, Dialect{}, want), Dialect{}.Capabilities().DiffOptions())
			if err != nil {
				t.Fatal(err)
			}
			_, err = Dialect{}.Render(ops, cur.Clone(), dialect.RenderOptions{})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "t.d") || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "does not manage") {
				t.Fatalf("render error = %v, want one naming t.d and %q", err, tc.want)
			}
		})
	}
}
