package postgres

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
	"github.com/retortdb/retort/sqlsplit"
)

// objCase is a change between two schemas holding SQL objects: current
// and desired are DDL; want are lines the upgrade's SQL must contain (in
// this order); data runs after current is applied and check is a query
// returning "ok" after the upgrade (kept data).
type objCase struct {
	name, current, desired string
	want                   []string
	data, check            string
}

// objDump prints a schema's SQL objects, one per line.
func objDump(s *schema.Schema) string {
	var lines []string
	for _, o := range s.Objects {
		lines = append(lines, fmt.Sprintf("%s phase=%q inplace=%v deps=%q def=%s", o.Label(), o.Phase, o.InPlace,
			strings.ReplaceAll(strings.Join(o.Deps, ","), "\x00", "|"), o.Definition))
	}
	return strings.Join(lines, "\n")
}

// objRoundTrip applies current, autogenerates against desired loaded
// directly in another database, upgrades, compares, downgrades with the
// reversed operations and compares with current.
func objRoundTrip(t *testing.T, c objCase) {
	t.Helper()
	db, _ := reflFresh(t, "")
	want, _ := reflFresh(t, "")
	objExec(t, db, c.current)
	if c.data != "" {
		objExec(t, db, c.data)
	}
	objExec(t, want, c.desired)
	cur := schematest.Reflect(t, Dialect{}, db)
	desired := schematest.Reflect(t, Dialect{}, want)
	ops, err := diff.Schemas(cur, desired, Dialect{}.Capabilities().DiffOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := op.ApplyStrict(cur.Clone(), ops...); err != nil {
		t.Errorf("strict apply of the upgrade: %v", err)
	}
	up, err := Dialect{}.Render(ops, cur.Clone(), dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(up, ";\n")
	at := 0
	for _, w := range c.want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("upgrade lacks %q after offset %d:\n%s", w, at, text)
			break
		}
		at += i + len(w)
	}
	runPlan(t, db, Dialect{}.Prepare(up))
	got := schematest.Reflect(t, Dialect{}, db)
	objSame(t, "upgrade", got, desired, text)
	if c.check != "" {
		var ok string
		if err := db.QueryRow(c.check).Scan(&ok); err != nil || ok != "ok" {
			t.Errorf("after the upgrade %s gives %q, %v", c.check, ok, err)
		}
	}
	down, err := Dialect{}.Render(op.ReverseAll(ops), desired.Clone(), dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runPlan(t, db, Dialect{}.Prepare(down))
	objSame(t, "downgrade", schematest.Reflect(t, Dialect{}, db), cur, strings.Join(down, ";\n"))
}

func objSame(t *testing.T, what string, got, want *schema.Schema, sql string) {
	t.Helper()
	if a, b := reflDump(got)+"\n"+objDump(got), reflDump(want)+"\n"+objDump(want); a != b {
		t.Errorf("after the %s the schema differs\nSQL:\n%s\n--- got:\n%s\n--- want:\n%s", what, sql, a, b)
	}
	if len(got.Unmanaged) > 0 || len(want.Unmanaged) > 0 {
		t.Errorf("after the %s: unmanaged objects %v / %v", what, got.Unmanaged, want.Unmanaged)
	}
	reflNoDiff(t, got, want)
}

func objExec(t *testing.T, db *sql.DB, ddl string) {
	t.Helper()
	stmts, err := sqlsplit.SplitWith(ddl, sqlsplit.PostgreSQL)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		schematest.Exec(t, db, s.SQL)
	}
}
