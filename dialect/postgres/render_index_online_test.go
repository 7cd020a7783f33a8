package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderOnlineCases: indexes on tables RenderOptions.BigTable names, or
// whose operation is Online, are built and dropped CONCURRENTLY; small,
// new and partitioned tables keep the plain statements.
func renderOnlineCases(cur *schema.Schema) []renderCase {
	withParts := cur.Clone()
	withParts.Tables = append(withParts.Tables, &schema.Table{Name: "events",
		Columns: []*schema.Column{{Name: "at", Type: "date"}},
		Options: map[string]string{"partition_by": "RANGE (at)"}})
	big := func(names ...string) dialect.RenderOptions {
		return dialect.RenderOptions{BigTable: func(table string) bool {
			for _, n := range names {
				if n == table {
					return true
				}
			}
			return false
		}}
	}
	notes, users := op.Ref{Name: "notes"}, op.Ref{Name: "users"}
	app := op.Ref{Schema: "app", Name: "Orders"}
	fresh := &schema.Table{Name: "fresh", Columns: []*schema.Column{{Name: "id", Type: "bigint"}},
		Indexes: []*schema.Index{{Name: "fresh_id_idx", Parts: []schema.IndexPart{{Column: "id"}}}}}
	return []renderCase{
		{name: "index_big_table_concurrently", current: withParts, opts: big("notes", "app.Orders", "events", "fresh"), ops: []op.Op{
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}, Comment: "search"}},
			op.CreateIndex{Table: app, Index: renderKitchenSink().Indexes[2]},
			op.CreateIndex{Table: users, Index: &schema.Index{Name: "users_id_email_idx", Parts: []schema.IndexPart{{Column: "id"}, {Column: "email"}}}},
			op.DropIndex{Table: notes, Index: cur.Tables[1].Indexes[0]},
			op.DropIndex{Table: users, Index: &schema.Index{Name: "users_old_idx", Parts: []schema.IndexPart{{Column: "email"}}}},
			op.CreateIndex{Table: op.Ref{Name: "events"}, Index: &schema.Index{Name: "events_at_idx", Parts: []schema.IndexPart{{Column: "at"}}}},
			op.CreateTable{Table: fresh},
			op.CreateIndex{Table: op.Ref{Name: "fresh"}, Index: &schema.Index{Name: "fresh_id2_idx", Parts: []schema.IndexPart{{Column: "id"}}}},
		}},
		// The operation's own flag (a Go revision's) without BigTable:
		// the same statements, and the same refusals.
		{name: "index_online_flag", current: withParts, ops: []op.Op{
			op.CreateIndex{Table: notes, Online: true, Index: &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}, Comment: "search"}},
			op.CreateIndex{Table: users, Index: &schema.Index{Name: "users_id_email_idx", Parts: []schema.IndexPart{{Column: "id"}, {Column: "email"}}}},
			op.DropIndex{Table: notes, Online: true, Index: cur.Tables[1].Indexes[0]},
			op.DropIndex{Table: users, Index: &schema.Index{Name: "users_old_idx", Parts: []schema.IndexPart{{Column: "email"}}}},
			op.CreateIndex{Table: op.Ref{Name: "events"}, Online: true, Index: &schema.Index{Name: "events_at_idx", Parts: []schema.IndexPart{{Column: "at"}}}},
			op.CreateTable{Table: fresh},
			op.CreateIndex{Table: op.Ref{Name: "fresh"}, Online: true, Index: &schema.Index{Name: "fresh_id2_idx", Parts: []schema.IndexPart{{Column: "id"}}}},
		}},
		// The reverse of an online build is an online drop.
		{name: "index_online_reverse", current: cur, ops: op.ReverseAll([]op.Op{
			op.CreateIndex{Table: notes, Online: true, Index: &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}}},
			op.DropIndex{Table: notes, Online: true, Index: cur.Tables[1].Indexes[0]},
		})},
		{name: "index_no_big_tables", current: cur, opts: big(), ops: []op.Op{
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}}},
			op.DropIndex{Table: notes, Index: cur.Tables[1].Indexes[0]},
		}},
	}
}
