package mysql

import (
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
)

// The renames autogenerate writes once decided: the table, a column a
// foreign key uses and a unique column, each renamed in place.
func init() {
	cur := renderFixture()
	want := cur.Clone()
	if err := op.Apply(want,
		op.RenameTable{Old: "notes", New: "memos"},
		op.RenameColumn{Table: op.Ref{Name: "memos"}, Old: "author_id", New: "writer_id"},
		op.RenameColumn{Table: op.Ref{Name: "users"}, Old: "email", New: "mail"},
	); err != nil {
		panic(err)
	}
	ops, err := diff.Schemas(cur, want, diff.Options{Renames: []diff.Rename{
		{Old: "notes", New: "memos"}, {Table: "memos", Old: "author_id", New: "writer_id"}, {Table: "users", Old: "email", New: "mail"},
	}})
	if err != nil {
		panic(err)
	}
	renderCases = append(renderCases, struct {
		name string
		ops  []op.Op
	}{"renames_from_diff", ops})
}
