package mysql

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Render golden cases for sequences, view options and index comments;
// TestRenderGolden runs them with renderCases.
var (
	seqPlain   = seqOptions{start: 1, min: 1, max: 9223372036854775806, increment: 1, cache: 1000}.object("seq")
	seqStepped = seqOptions{start: 1, min: 1, max: 1000, increment: 5, cache: 0, cycle: true}.object("seq")
	seqNamed   = seqOptions{start: 1, min: 1, max: 1000, increment: 5, cache: 0, cycle: true, comment: "it's"}.object("seq")
	viewPlain  = &schema.View{Name: "v", Def: "select `notes`.`id` AS `id` from `notes`"}
	viewOpts   = &schema.View{Name: "v", Def: "select `notes`.`id` AS `id` from `notes`", Options: "algorithm=MERGE, check_option=LOCAL, sql_security=INVOKER"}
	byAuthor   = &schema.Index{Name: "notes_by_author", Parts: []schema.IndexPart{{Column: "author_id"}}, Comment: "who"}
)

func init() {
	renderCases = append(renderCases, []struct {
		name string
		ops  []op.Op
	}{
		{"sequences", []op.Op{
			op.CreateObject{Object: seqNamed},
			op.AlterObject{From: seqPlain, To: seqStepped},
			op.AlterObject{From: seqStepped, To: seqNamed},
			op.AlterObject{From: seqNamed, To: seqPlain},
			op.DropObject{Object: seqPlain},
		}},
		{"view_options", []op.Op{
			op.CreateView{View: viewOpts},
			op.SetViewOptions{Name: "v", From: viewOpts.Options, To: "sql_security=INVOKER"},
			op.DropView{View: viewOpts},
			op.CreateView{View: viewPlain},
		}},
		{"index_comment", []op.Op{
			op.CreateIndex{Table: notes, Index: byAuthor},
			op.SetComment{On: op.CommentIndex, Table: notes, Name: "notes_by_author", From: "who", To: "it's"},
			op.SetComment{On: op.CommentIndex, Table: notes, Name: "notes_by_author", From: "it's", To: ""},
		}},
	}...)
}
