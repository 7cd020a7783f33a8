package revision_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/schema"
)

// TestGoBody: a Go body renders its builder's operations against the live
// schema the runner passes, or against none offline.
func TestGoBody(t *testing.T) {
	live := &schema.Schema{Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}}}}}
	online := func(context.Context) (*schema.Schema, error) { return live, nil }
	create := func(ctx context.Context, b *op.Builder) error {
		return b.CreateTable("u", op.Column("id", op.Integer).PrimaryKey())
	}
	addColumn := func(ctx context.Context, b *op.Builder) error { return b.AddColumn("t", op.Column("n", op.Text)) }
	tests := []struct {
		name     string
		up, down revision.GoFunc
		dir      revision.Direction
		env      revision.BodyEnv
		want     string // in the first statement
		err      string // error prefix
		is       error
	}{
		{name: "offline, own table", up: create, dir: revision.Up, env: revision.BodyEnv{Dialect: sqlite.Dialect{}}, want: `CREATE TABLE "u"`},
		{name: "offline, live table", up: addColumn, dir: revision.Up, env: revision.BodyEnv{Dialect: sqlite.Dialect{}},
			err: "its Up function failed: ", is: op.ErrNeedsDatabase},
		{name: "online", up: addColumn, dir: revision.Up, env: revision.BodyEnv{Dialect: sqlite.Dialect{}, Live: online}, want: `ALTER TABLE "t" ADD COLUMN "n" TEXT`},
		{name: "down", up: create, down: addColumn, dir: revision.Down, env: revision.BodyEnv{Dialect: sqlite.Dialect{}, Live: online}, want: `ALTER TABLE "t" ADD COLUMN "n" TEXT`},
		{name: "no down", up: create, dir: revision.Down, env: revision.BodyEnv{Dialect: sqlite.Dialect{}, Live: online},
			err: "the Go revision has no Down function, so it cannot be downgraded"},
		{name: "live schema unreadable", up: create, dir: revision.Up, env: revision.BodyEnv{Dialect: sqlite.Dialect{},
			Live: func(context.Context) (*schema.Schema, error) { return nil, context.Canceled }},
			err: "reading the live schema for the Go revision failed: ", is: context.Canceled},
		{name: "no dialect", up: create, dir: revision.Up, err: "rendering the Go revision needs the target database's dialect"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := revision.NewGo("g1", nil, nil, "m", tt.up, tt.down)
			if err != nil {
				t.Fatal(err)
			}
			if r.Body.Resumable() || r.Body.Ready(tt.dir) != nil || r.Body.Kind() != "Go" {
				t.Errorf("resumable %v, ready %v, kind %q: want false, nil, Go", r.Body.Resumable(), r.Body.Ready(tt.dir), r.Body.Kind())
			}
			stmts, err := r.Body.Statements(context.Background(), tt.dir, tt.env)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || tt.is != nil && !errors.Is(err, tt.is) {
					t.Fatalf("err = %v, want prefix %q wrapping %v", err, tt.err, tt.is)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(stmts) == 0 || !strings.Contains(stmts[0].SQL, tt.want) || stmts[0].Line != 0 {
				t.Fatalf("statements = %+v, want the first with %q and no file line", stmts, tt.want)
			}
		})
	}
}
