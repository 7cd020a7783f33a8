package postgres

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderClauseCases cover exclusion constraints, index options, NULLS NOT
// DISTINCT, NO INHERIT, comments on views, indexes and constraints, and
// identity options.
func renderClauseCases(cur *schema.Schema) []renderCase {
	notes := op.Ref{Name: "notes"}
	app := op.Ref{Schema: "app", Name: "Rooms"}
	excl := &schema.Exclusion{Name: "rooms_no_overlap", Method: "gist",
		Parts:   []schema.IndexPart{{Column: "room", Operator: "="}, {Expr: "tsrange(starts, ends)", Operator: "&&"}},
		Include: []string{"id"}, Params: "fillfactor=90", Where: "NOT cancelled", Deferrable: true, Comment: "one booking"}
	idOpts := &schema.SeqOptions{Start: 100, Increment: 5, Min: 1, Max: 1000, Cache: 2, Cycle: true}
	rooms := &schema.Table{Schema: "app", Name: "Rooms",
		Columns: []*schema.Column{
			{Name: "id", Type: "integer", Identity: "ALWAYS", IdentityOpts: idOpts},
			{Name: "room", Type: "integer"}, {Name: "starts", Type: "timestamp"}, {Name: "ends", Type: "timestamp"},
			{Name: "cancelled", Type: "boolean"},
		},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}, Comment: "key"},
		Uniques:    []*schema.Unique{{Columns: []string{"room", "starts"}, NullsNotDistinct: true, Comment: "one start"}},
		Checks:     []*schema.Check{{Name: "rooms_span", Expr: "starts < ends", NoInherit: true, Comment: "forward"}},
		Exclusions: []*schema.Exclusion{excl, {Parts: []schema.IndexPart{{Column: "room", Operator: "="}}}},
		Indexes: []*schema.Index{{Name: "rooms_cover", Unique: true, NullsNotDistinct: true, Params: "fillfactor=70",
			Parts:   []schema.IndexPart{{Column: "room", Nulls: "FIRST"}, {Column: "starts", Desc: true, Nulls: "LAST"}},
			Include: []string{"ends"}, Comment: "covering"}},
	}
	bodyID := &schema.Column{Name: "id", Type: "bigint", Identity: "BY DEFAULT"}
	return []renderCase{
		{name: "create_table_clauses", ops: []op.Op{op.CreateTable{Table: rooms}}},
		{name: "exclusion_add_drop", current: &schema.Schema{Tables: []*schema.Table{rooms}}, ops: []op.Op{
			op.DropExclusion{Table: app, Exclusion: excl},
			op.AddExclusion{Table: app, Exclusion: excl},
			op.RenameConstraint{Table: app, Kind: schema.KindExclusion, Old: "rooms_no_overlap", New: "rooms_excl"},
		}},
		{name: "index_options", current: cur, ops: []op.Op{
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_cover", Parts: []schema.IndexPart{{Column: "author_id", Nulls: "FIRST"}},
				Include: []string{"body"}, Params: "fillfactor=70, deduplicate_items=off", Where: "body <> ''", Comment: "cover"}},
			op.AddUnique{Table: notes, Unique: &schema.Unique{Name: "notes_body_key", Columns: []string{"body"}, NullsNotDistinct: true, Comment: "u"}},
			op.AddCheck{Table: notes, Check: &schema.Check{Name: "notes_id_check", Expr: "id > 0", NoInherit: true}},
		}},
		{name: "comments", current: cur, ops: []op.Op{
			op.SetComment{On: op.CommentView, Schema: "app", Name: "Note View", To: "it's a view"},
			op.SetComment{On: op.CommentIndex, Table: notes, Name: "notes_author_id_idx", From: "x", To: ""},
			op.SetComment{On: op.CommentConstraint, Table: notes, Name: "notes_pkey", To: "key"},
			op.CreateView{View: &schema.View{Name: "bodies", Def: "SELECT notes.body FROM notes", Comment: "bodies"}},
		}},
		{name: "identity_options", current: cur, ops: []op.Op{
			op.AlterColumn{Table: notes, From: bodyID, To: &schema.Column{Name: "id", Type: "bigint", Identity: "BY DEFAULT", IdentityOpts: &schema.SeqOptions{Start: 1, Increment: 1, Min: 1, Max: 9223372036854775807, Cache: 20}}},
			op.AlterColumn{Table: notes, From: &schema.Column{Name: "id", Type: "bigint", Identity: "BY DEFAULT", IdentityOpts: idOpts}, To: bodyID},
			op.AlterColumn{Table: op.Ref{Name: "users"}, From: &schema.Column{Name: "id", Type: "bigint"}, To: &schema.Column{Name: "id", Type: "bigint", Identity: "ALWAYS", IdentityOpts: idOpts}},
		}},
	}
}
