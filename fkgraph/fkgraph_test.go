package fkgraph

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/schema"
)

func fk(cols, ref, onDelete string) *schema.ForeignKey {
	return &schema.ForeignKey{Columns: strings.Split(cols, ","), RefTable: ref, RefColumns: []string{"id"}, OnDelete: onDelete}
}

func table(name string, fks ...*schema.ForeignKey) *schema.Table {
	return &schema.Table{Name: name, ForeignKeys: fks}
}

// blog: users <- notes (cascade) <- comments (cascade), notes <- attachments
// (set null), users <- audit (restrict), categories self-reference
// (cascade), and a cycle a <-> b (cascade).
func blog() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{
		table("users"),
		table("notes", fk("author_id", "users", "CASCADE")),
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
	k := &schema.ForeignKey{Columns: []string{"a", "b"}, RefColumns: []string{"x", "y"}, OnUpdate: "cascade",
		Deferrable: true, InitiallyDeferred: true, Match: "FULL"}
	want := "a, b → x, y, ON DELETE NO ACTION, ON UPDATE CASCADE, DEFERRABLE INITIALLY DEFERRED, MATCH FULL"
	if got := Label(k); got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}

func TestRenderGolden(t *testing.T) {
	for name, render := range map[string]func(*schema.Schema) string{"blog.mmd": Mermaid, "blog.dot": DOT} {
		golden.Check(t, filepath.Join("testdata", name), render(blog()))
	}
}
