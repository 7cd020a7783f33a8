package postgres

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderOptionCases cover UNLOGGED tables, view options, INCLUDE and WITH
// on keys, and ON DELETE SET NULL (columns).
func renderOptionCases(cur *schema.Schema) []renderCase {
	notes, users := op.Ref{Name: "notes"}, op.Ref{Name: "users"}
	unlogged := map[string]string{optUnlogged: "true"}
	return []renderCase{
		{name: "table_unlogged", current: cur, ops: []op.Op{
			op.CreateTable{Table: &schema.Table{Name: "cache", Columns: []*schema.Column{{Name: "k", Type: "text"}},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"k"}}, Options: unlogged}},
			op.SetTableOptions{Table: notes, From: map[string]string{}, To: unlogged},
			op.SetTableOptions{Table: users, From: unlogged, To: map[string]string{}},
		}},
		{name: "view_options", ops: []op.Op{
			op.CreateView{View: &schema.View{Name: "positive", Def: "SELECT t.id FROM t WHERE t.b > 0", Options: "check_option=local, security_barrier=true"}},
			op.CreateView{View: &schema.View{Name: "mine", Def: "SELECT t.id FROM t", Options: "security_invoker=true"}},
		}},
		{name: "view_set_options", ops: []op.Op{
			op.SetViewOptions{Schema: "app", Name: "Positive", From: "check_option=local, security_barrier=true", To: "check_option=cascaded, security_invoker=true"},
			op.SetViewOptions{Name: "mine", From: "security_invoker=true"},
			op.SetViewOptions{Name: "mine", To: "security_barrier=true"},
			op.SetViewOptions{Name: "same", From: "security_barrier=true", To: "security_barrier=true"},
		}},
		{name: "key_include_with", current: cur, ops: []op.Op{
			op.AlterPrimaryKey{Table: notes, From: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}},
				To: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}, Include: []string{"author_id"}, Params: "fillfactor=80"}},
			op.AddUnique{Table: users, Unique: &schema.Unique{Name: "users_email_cover", Columns: []string{"email"},
				Include: []string{"id"}, Params: "fillfactor=70, deduplicate_items=off", Deferrable: true}},
		}},
		{name: "fk_delete_set_columns", current: cur, ops: []op.Op{
			op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "notes_pair_fkey", Columns: []string{"author_id", "id"}, RefTable: "pairs",
				RefColumns: []string{"a", "b"}, OnDelete: schema.SetNull, DeleteSetColumns: []string{"author_id"}}},
			op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "notes_pair2_fkey", Columns: []string{"author_id", "id"}, RefTable: "pairs",
				RefColumns: []string{"a", "b"}, OnDelete: schema.SetDefault, OnUpdate: schema.Cascade, DeleteSetColumns: []string{"author_id"}}},
		}},
	}
}
