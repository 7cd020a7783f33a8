package runner

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/schema"
)

// goStatements runs a Go revision's function for dir against the live
// schema read through q (the migrating connection, lock held) and renders
// the operations it collected.
func (r *Runner) goStatements(ctx context.Context, q dialect.Querier, rev *revision.Revision, dir revision.Direction) ([]string, error) {
	fn, err := goFunc(rev, dir)
	if err != nil {
		return nil, err
	}
	live, err := r.Dialect.Reflect(ctx, q)
	if err != nil {
		return nil, &MigrationError{Revision: rev, Direction: dir, Err: fmt.Errorf("reading the live schema for the Go revision failed: %w", err)}
	}
	return buildGo(ctx, r.Dialect, r.RenderOptions, rev, dir, fn, live, false)
}

func goFunc(rev *revision.Revision, dir revision.Direction) (revision.GoFunc, error) {
	if dir == revision.Down {
		if rev.DowngradeGo == nil {
			return nil, &MigrationError{Revision: rev, Direction: dir, Err: errors.New("the Go revision has no Down function, so it cannot be downgraded")}
		}
		return rev.DowngradeGo, nil
	}
	return rev.UpgradeGo, nil
}

// buildGo runs fn on a builder over live and renders its operations
// against live. offline means the live schema is unknown (live is empty).
func buildGo(ctx context.Context, d dialect.Dialect, opts dialect.RenderOptions, rev *revision.Revision, dir revision.Direction, fn revision.GoFunc, live *schema.Schema, offline bool) ([]string, error) {
	fail := func(format string, err error) error {
		return &MigrationError{Revision: rev, Direction: dir, Err: fmt.Errorf(format, err)}
	}
	b := op.NewBuilder(live, op.BuilderOptions{Types: dialect.TypeFunc(d), Naming: opts.Naming, Offline: offline})
	err := fn(ctx, b)
	if err == nil {
		err = b.Err()
	}
	if err != nil {
		name := map[revision.Direction]string{revision.Up: "Up", revision.Down: "Down"}[dir]
		return nil, fail("%w", fmt.Errorf("its %s function failed: %w", name, err))
	}
	stmts, err := d.Render(b.Ops(), b.Start(), opts)
	if err != nil {
		return nil, fail("rendering its operations as "+d.Name()+" SQL failed: %w", err)
	}
	return stmts, nil
}
