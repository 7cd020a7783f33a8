package retort_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestOnlineIndexRender: what each dialect makes of an Online index
// change on an existing table. PostgreSQL builds and drops it
// CONCURRENTLY; MySQL (InnoDB builds secondary indexes online already)
// and SQLite (no such form) render exactly the plain statements.
func TestOnlineIndexRender(t *testing.T) {
	cur := &schema.Schema{Tables: []*schema.Table{{Name: "notes",
		Columns:    []*schema.Column{{Name: "id", Type: "INTEGER"}, {Name: "body", Type: "TEXT"}},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
		Indexes:    []*schema.Index{{Name: "notes_id_body_idx", Parts: []schema.IndexPart{{Column: "id"}, {Column: "body"}}}},
	}}}
	ops := func(online bool) []op.Op {
		notes := op.Ref{Name: "notes"}
		return []op.Op{
			op.CreateIndex{Table: notes, Online: online, Index: &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body", Prefix: 20}}}},
			op.DropIndex{Table: notes, Online: online, Index: cur.Tables[0].Indexes[0]},
		}
	}
	tests := []struct {
		dialect string
		want    string // the online statements; "" for the plain ones
	}{
		{"postgres", "CREATE INDEX CONCURRENTLY notes_body_idx ON notes (body);\nDROP INDEX CONCURRENTLY notes_id_body_idx"},
		{"mysql", ""},
		{"sqlite", ""},
	}
	for _, tt := range tests {
		t.Run(tt.dialect, func(t *testing.T) {
			d, err := dialect.ByName(tt.dialect)
			if err != nil {
				t.Skip(err)
			}
			render := func(online bool) string {
				stmts, err := d.Render(ops(online), cur, dialect.RenderOptions{})
				if err != nil {
					t.Fatal(err)
				}
				return strings.Join(stmts, ";\n")
			}
			got, want := render(true), tt.want
			if want == "" {
				want = render(false)
			}
			if got != want {
				t.Errorf("online:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
