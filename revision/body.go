package revision

import (
	"context"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// Statement is one statement of a revision's body.
type Statement struct {
	SQL  string // without its trailing ';', trimmed
	Line int    // 1-based line in the revision's file; 0 when not from a file
}

// Body is what a revision runs: the statements of a SQL file's sections
// (package revfile) or the operations of Go functions (NewGo).
type Body interface {
	// Statements returns the statements that run the revision in
	// direction dir (Up or Down), in order.
	Statements(ctx context.Context, dir Direction, env BodyEnv) ([]Statement, error)
	// Ready returns why the body must not run in direction dir (an
	// unfilled upgrade section), or nil; it is asked of every revision of
	// a plan before anything of the plan runs.
	Ready(dir Direction) error
	// Resumable reports whether a stepwise run stopped part way can
	// resume at the statement number it reached, because Statements gives
	// the same statements again.
	Resumable() bool
	// Kind names what the body is written in, for messages: "SQL", "Go".
	Kind() string
}

// BodyEnv is what a body may need to give its statements: the target
// dialect, the run's render options and, online, the live schema.
type BodyEnv struct {
	Dialect dialect.Dialect
	Render  dialect.RenderOptions
	// Live reads the schema of the database the statements run on,
	// through the migrating connection; nil offline, where it is unknown.
	Live func(ctx context.Context) (*schema.Schema, error)
}
