package retort

import (
	"context"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
)

// GoRevision is a revision written in Go, registered through
// Options.GoRevisions. Up and Down add operations to the builder, which
// sees the live schema; the runner renders them for the database and runs
// them in the revision's transaction, recording it like a file revision.
//
//	&retort.GoRevision{
//		ID: "5c0ffee12345", Parents: []string{"3f2a9c1e7b10"}, Message: "cascade notes",
//		Up: func(ctx context.Context, o *op.Builder) error {
//			return o.BatchAlterTable("notes", func(t *op.Batch) {
//				t.DropForeignKeyOn([]string{"author_id"}, "users") // by content: it may be unnamed
//				t.CreateForeignKey("notes_author_id_fkey", "users", []string{"author_id"}, []string{"id"},
//					op.FKOptions{OnDelete: schema.Cascade})
//			})
//		},
//		Down: ...,
//	}
//
// Offline SQL (upgrade --sql) renders a Go revision without a database,
// so it works only when the revision changes nothing but tables it
// creates itself; otherwise it fails with an error wrapping
// op.ErrNeedsDatabase.
type GoRevision struct {
	ID        string   // 12 hex digits by convention, like file revisions
	Parents   []string // none for a base revision; several for a merge
	DependsOn []string
	Message   string
	Up        func(ctx context.Context, o *op.Builder) error
	// Down may be nil: the revision then cannot be downgraded.
	Down func(ctx context.Context, o *op.Builder) error
}

func (g *GoRevision) revision() (*revision.Revision, error) {
	var down revision.GoFunc
	if g.Down != nil {
		down = g.Down
	}
	var up revision.GoFunc
	if g.Up != nil {
		up = g.Up
	}
	return revision.NewGo(g.ID, g.Parents, g.DependsOn, g.Message, up, down)
}
