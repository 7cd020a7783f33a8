package postgres

import (
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderRenameCases: the renames autogenerate writes once decided (the
// table, a column a foreign key and an index use, a unique column), with
// the constraint and index names the desired schema's database gives
// them, and the downgrade.
func renderRenameCases(cur *schema.Schema) []renderCase {
	want := cur.Clone()
	if err := op.Apply(want,
		op.RenameTable{Old: "notes", New: "posts"},
		op.RenameColumn{Table: op.Ref{Name: "posts"}, Old: "author_id", New: "writer_id"},
		op.RenameColumn{Table: op.Ref{Name: "users"}, Old: "email", New: "mail"},
	); err != nil {
		panic(err)
	}
	posts, users := want.Table("", "posts"), want.Table("", "users")
	posts.ForeignKeys[0].Name, posts.Indexes[0].Name = "posts_writer_id_fkey", "posts_writer_id_idx"
	users.Uniques[0].Name = "users_mail_key"
	ops, err := diff.Schemas(cur, want, diff.Options{Renames: []diff.Rename{
		{Old: "notes", New: "posts"}, {Table: "posts", Old: "author_id", New: "writer_id"}, {Table: "users", Old: "email", New: "mail"},
	}})
	if err != nil {
		panic(err)
	}
	after := cur.Clone()
	if err := op.Apply(after, ops...); err != nil {
		panic(err)
	}
	return []renderCase{
		{name: "renames_from_diff", current: cur, ops: ops},
		{name: "renames_from_diff_reversed", current: after, ops: op.ReverseAll(ops)},
	}
}
