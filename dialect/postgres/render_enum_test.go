package postgres

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestRenderEnumRebuildRefusals: what a type rebuild cannot carry is an
// error naming the object, never SQL that fails halfway.
func TestRenderEnumRebuildRefusals(t *testing.T) {
	mood := func(name string) *schema.Column { return &schema.Column{Name: name, Type: "mood", Nullable: true} }
	remove := op.AlterEnum{Name: "mood", From: []string{"a", "b"}, To: []string{"a"}}
	cases := []struct {
		name   string
		tables []*schema.Table
		want   string
	}{
		{"column in a foreign key", []*schema.Table{
			{Name: "p", Columns: []*schema.Column{mood("m")}, Uniques: []*schema.Unique{{Name: "p_m_key", Columns: []string{"m"}}}},
			{Name: "c", Columns: []*schema.Column{mood("pm")}, ForeignKeys: []*schema.ForeignKey{{Name: "c_pm_fkey", Columns: []string{"pm"}, RefTable: "p", RefColumns: []string{"m"}}}},
		}, "column c.pm is in foreign key c_pm_fkey"},
		{"column referenced by a foreign key", []*schema.Table{
			{Name: "p", Columns: []*schema.Column{mood("m")}, Uniques: []*schema.Unique{{Name: "p_m_key", Columns: []string{"m"}}}},
			{Name: "c", Columns: []*schema.Column{{Name: "pm", Type: "text"}}, ForeignKeys: []*schema.ForeignKey{{Name: "c_pm_fkey", Columns: []string{"pm"}, RefTable: "p", RefColumns: []string{"m"}}}},
		}, "column p.m is referenced by foreign key c_pm_fkey on c"},
		{"generated column over it", []*schema.Table{
			{Name: "t", Columns: []*schema.Column{mood("m"), {Name: "g", Type: "text", Generated: &schema.Generated{Expr: "(m)::text", Stored: true}}}},
		}, "generated column t.g is computed from m"},
		{"unnamed check casting to it", []*schema.Table{
			{Name: "t", Columns: []*schema.Column{mood("m")}, Checks: []*schema.Check{{Expr: "m <> 'b'::mood"}}},
		}, "an unnamed check on t uses the type"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur := &schema.Schema{Tables: tc.tables, Enums: []*schema.Enum{{Name: "mood", Values: remove.From}}}
			_, err := Dialect{}.Render([]op.Op{remove}, cur, dialect.RenderOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "enum type mood") {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestEnumHelpers(t *testing.T) {
	appends := []struct {
		from, to []string
		want     bool
	}{
		{[]string{"a", "b"}, []string{"a", "x", "b", "y"}, true},
		{[]string{"a", "b"}, []string{"a"}, false},
		{[]string{"a", "b"}, []string{"b", "a"}, false},
		{nil, []string{"a"}, true},
	}
	for _, c := range appends {
		if got := enumAppends(c.from, c.to); got != c.want {
			t.Errorf("enumAppends(%q, %q) = %v", c.from, c.to, got)
		}
	}
	casts := []struct {
		expr string
		want bool
	}{
		{"(m = 'ok'::mood)", true},
		{"(m = 'ok'::moody)", false},
		{"(m)::text = 'x'", false},
		{"history[1] = 'sad'::mood[]", true},
		{"'a'::public.mood", true},
		{"", false},
	}
	for _, c := range casts {
		if got := enumCasts(c.expr, []string{"mood", "public.mood"}); got != c.want {
			t.Errorf("enumCasts(%q) = %v", c.expr, got)
		}
	}
	defaults := []struct {
		def  string
		want bool
	}{
		{"'ok'::mood", true},
		{"'gone'::mood", false},
		{"'{ok,\"it''s\"}'::mood[]", true},
		{"'{ok,gone}'::mood[]", false},
		{"some_function()", true},
	}
	for _, c := range defaults {
		if got := enumDefaultKept(c.def, []string{"ok", "it's"}); got != c.want {
			t.Errorf("enumDefaultKept(%q) = %v", c.def, got)
		}
	}
}

// TestRenderEnumRebuildKeepsRows runs a value removal on a real server:
// rows keep their values, and a row holding the removed value makes the
// revision fail on the conversion, naming the value, with nothing changed.
func TestRenderEnumRebuildKeepsRows(t *testing.T) {
	db := renderOpen(t)
	schematest.Exec(t, db,
		`CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')`,
		`CREATE TABLE t (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'sad', ms mood[], CONSTRAINT t_m_check CHECK (m <> 'happy'))`,
		`INSERT INTO t VALUES (1, 'sad', '{sad,happy}'), (2, 'ok', NULL)`)
	cur := schematest.Reflect(t, Dialect{}, db)
	remove := []op.Op{op.AlterEnum{Name: "mood", From: []string{"sad", "ok", "happy"}, To: []string{"sad", "happy"}}}
	stmts, err := Dialect{}.Render(remove, cur, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	run := func() error {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		for _, s := range stmts {
			if _, err := tx.Exec(s); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	if err := run(); err == nil || !strings.Contains(err.Error(), `invalid input value for enum _retort_new_mood: "ok"`) {
		t.Fatalf("a row holding the removed value: got %v, want the conversion to fail", err)
	}
	schematest.Exec(t, db, `UPDATE t SET m = 'sad' WHERE id = 2`)
	if err := run(); err != nil {
		t.Fatalf("rebuild failed: %v\n%s", err, strings.Join(stmts, ";\n"))
	}
	if n := schematest.Count(t, db, `SELECT count(*) FROM t WHERE id = 1 AND m = 'sad' AND ms = '{sad,happy}'::mood[]`); n != 1 {
		t.Errorf("row 1 lost its values")
	}
	after := schematest.Reflect(t, Dialect{}, db)
	want := cur.Clone()
	want.Enums[0].Values = []string{"sad", "happy"}
	renderNoDiff(t, db, want)
	if after.Enums[0].Values[1] != "happy" {
		t.Errorf("enum values after the rebuild: %q", after.Enums[0].Values)
	}
}
