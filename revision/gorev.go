package revision

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
	"github.com/retortdb/retort/sqlsplit"
)

// GoFunc is one direction of a Go revision: it adds operations to b. The
// runner renders and runs them afterwards, in the revision's transaction.
type GoFunc func(ctx context.Context, b *op.Builder) error

// NewGo makes a revision written in Go. up is required; a nil down makes
// the revision irreversible (downgrading through it fails). Its checksum
// covers the id and the message, since code has no file text; File is
// where up is defined, for messages.
func NewGo(id string, parents, dependsOn []string, message string, up, down GoFunc) (*Revision, error) {
	where := "Go revision " + id
	if up != nil {
		where = funcLocation(up) + " (Go revision)"
	}
	if !ValidID(id) {
		return nil, &Error{File: where, Msg: fmt.Sprintf("invalid revision id %q: use letters, digits and _", id)}
	}
	if up == nil {
		return nil, &Error{File: where, Msg: "Go revision " + id + " has no Up function"}
	}
	return &Revision{
		ID: id, Parents: append([]string(nil), parents...), DependsOn: append([]string(nil), dependsOn...),
		Message: message, File: where, Checksum: Checksum("go:"+id, message),
		Body: &goBody{up: up, down: down},
	}, nil
}

// goBody renders the operations its functions add, against the live
// schema when there is one.
type goBody struct{ up, down GoFunc }

// Statements runs the function for dir on a builder over the live schema
// and renders the operations it collected. Offline (env.Live nil) the
// builder knows no schema, so anything that needs one fails with
// op.ErrNeedsDatabase.
func (b *goBody) Statements(ctx context.Context, dir Direction, env BodyEnv) ([]Statement, error) {
	fn, name := b.up, "Up"
	if dir == Down {
		if b.down == nil {
			return nil, errors.New("the Go revision has no Down function, so it cannot be downgraded")
		}
		fn, name = b.down, "Down"
	}
	d := env.Dialect
	if d == nil {
		return nil, errors.New("rendering the Go revision needs the target database's dialect")
	}
	var live *schema.Schema
	if env.Live != nil {
		var err error
		if live, err = env.Live(ctx); err != nil {
			return nil, fmt.Errorf("reading the live schema for the Go revision failed: %w", err)
		}
	}
	bld := op.NewBuilder(live, op.BuilderOptions{Types: dialect.TypeFunc(d), Naming: env.Render.Naming, Offline: env.Live == nil})
	err := fn(ctx, bld)
	if err == nil {
		err = bld.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("its %s function failed: %w", name, err)
	}
	texts, err := d.Render(bld.Ops(), bld.Start(), env.Render)
	if err != nil {
		return nil, fmt.Errorf("rendering its operations as %s SQL failed: %w", d.Name(), err)
	}
	stmts := make([]Statement, len(texts))
	for i, s := range texts {
		// A file's statements are checked when split; these never are.
		if err := sqlsplit.RefuseCopyFromStdin(s, d.SplitOptions()); err != nil {
			return nil, &Error{Msg: fmt.Sprintf("statement %d of its %s function", i+1, name), Err: err}
		}
		stmts[i] = Statement{SQL: s}
	}
	return stmts, nil
}

func (b *goBody) Ready(Direction) error { return nil }

// Resumable is false: the statements are rendered from the live schema,
// which the statements that ran have changed.
func (b *goBody) Resumable() bool { return false }

func (b *goBody) Kind() string { return "Go" }

// funcLocation is "file.go:line" of fn's definition.
func funcLocation(fn any) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return "?"
	}
	file, line := f.FileLine(f.Entry())
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}
