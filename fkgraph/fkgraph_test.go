package fkgraph

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/schema"
)

func fk(cols, ref string, onDelete schema.FKAction) *schema.ForeignKey {
	return &schema.ForeignKey{Columns: strings.Split(cols, ","), RefTable: ref, RefColumns: []string{"id"}, OnDelete: onDelete}
}

func table(name string, fks ...*schema.ForeignKey) *schema.Table {
	return &schema.Table{Name: name, ForeignKeys: fks}
}

// blog: users <- notes (cascade) <- comments (cascade), notes <- attachments
// (set null), users <- audit (restrict), categories self-reference
// (cascade), and a cycle a <-> b (cascade). notes also cascades updates.
func blog() *schema.Schema {
	notes := fk("author_id", "users", "CASCADE")
	notes.OnUpdate = "CASCADE"
	return &schema.Schema{Tables: []*schema.Table{
		table("users"),
		table("notes", notes),
		table("comments", fk("note_id", "notes", "cascade"), fk("user_id", "users", "")),
		table("attachments", fk("note_id", "notes", "SET NULL")),
		table("audit", fk("user_id", "users", "RESTRICT")),
		table("categories", fk("parent_id", "categories", "CASCADE")),
		table("a", fk("b_id", "b", "CASCADE")),
		table("b", fk("a_id", "a", "CASCADE")),
	}}
}

func TestCascadeFrom(t *testing.T) {
	tests := []struct {
		from string
		want []string // "table action depth"
	}{
		{"users", []string{
			"audit RESTRICT 1", "comments NO ACTION 1", "notes CASCADE 1",
			"attachments SET NULL 2", "comments CASCADE 2",
		}},
		{"notes", []string{"attachments SET NULL 1", "comments CASCADE 1"}},
		{"comments", nil},
		{"categories", []string{"categories CASCADE 1"}},
		{"a", []string{"b CASCADE 1", "a CASCADE 2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range CascadeFrom(blog(), tt.from) {
			got = append(got, fmt.Sprintf("%s %s %d", e.Table, e.Action, e.Depth))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("CascadeFrom(%s) =\n  %v\nwant\n  %v", tt.from, got, tt.want)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		name string
		fk   *schema.ForeignKey
		want string
	}{
		{"defaults: ON UPDATE NO ACTION omitted, ON DELETE always shown",
			&schema.ForeignKey{Columns: []string{"author_id"}, RefColumns: []string{"id"}},
			"author_id → id, ON DELETE NO ACTION"},
		{"explicit ON UPDATE NO ACTION omitted",
			&schema.ForeignKey{Columns: []string{"author_id"}, RefColumns: []string{"id"}, OnDelete: "cascade", OnUpdate: "no  action"},
			"author_id → id, ON DELETE CASCADE"},
		{"ON UPDATE RESTRICT shown",
			&schema.ForeignKey{Columns: []string{"a"}, RefColumns: []string{"id"}, OnUpdate: "RESTRICT"},
			"a → id, ON DELETE NO ACTION, ON UPDATE RESTRICT"},
		{"everything not default",
			&schema.ForeignKey{Columns: []string{"a", "b"}, RefColumns: []string{"x", "y"}, OnUpdate: "cascade",
				Deferrable: true, InitiallyDeferred: true, Match: "FULL"},
			"a, b → x, y, ON DELETE NO ACTION, ON UPDATE CASCADE, DEFERRABLE INITIALLY DEFERRED, MATCH FULL"},
	}
	for _, tt := range tests {
		if got := Label(tt.fk); got != tt.want {
			t.Errorf("%s: Label = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRenderGolden(t *testing.T) {
	for name, render := range map[string]func(*schema.Schema) string{"blog.mmd": Mermaid, "blog.dot": DOT} {
		golden.Check(t, filepath.Join("testdata", name), render(blog()))
	}
}

func TestLegend(t *testing.T) {
	noKeys := &schema.Schema{Tables: []*schema.Table{table("users")}}
	for name, render := range map[string]func(*schema.Schema) string{"mermaid": Mermaid, "dot": DOT} {
		if got := render(noKeys); strings.Contains(got, "Legend") {
			t.Errorf("%s: a schema without foreign keys got a legend:\n%s", name, got)
		}
		got := render(blog())
		for _, l := range legend {
			if !strings.Contains(got, l.text) {
				t.Errorf("%s: legend lacks %q", name, l.text)
			}
		}
		if !strings.Contains(got, legendNote) {
			t.Errorf("%s: legend lacks %q", name, legendNote)
		}
	}
}

// DOT node names are table names, so the legend's must differ from every
// table's, referenced tables outside the schema included.
func TestDOTLegendNamesAvoidTables(t *testing.T) {
	s := &schema.Schema{Tables: []*schema.Table{
		table("legend 0"),
		table("x", fk("y", "_legend 1", "")),
	}}
	got := DOT(s)
	for _, clash := range []string{`"legend 0" [label="child"]`, `"_legend 1" [label="parent"]`} {
		if strings.Contains(got, clash) {
			t.Errorf("legend node reuses a table's name (%s):\n%s", clash, got)
		}
	}
	if !strings.Contains(got, `"__legend 0" [label="child"]`) {
		t.Errorf("legend nodes not renamed to __legend N:\n%s", got)
	}
}
