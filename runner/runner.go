package runner

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// Runner applies a revision graph to one database.
type Runner struct {
	DB      *sql.DB
	Dialect dialect.Dialect
	Graph   *revision.Graph
	Log     io.Writer // progress lines; nil = silent
	// Verbose also logs every statement before it runs.
	Verbose bool
	// RenderOptions render the operations of Go revisions.
	RenderOptions dialect.RenderOptions
}

// Current returns the heads recorded in retort_version, sorted; empty at
// base, also when the bookkeeping tables do not exist yet.
func (r *Runner) Current(ctx context.Context) ([]string, error) {
	return book{r.Dialect}.heads(ctx, r.DB)
}

// Upgrade applies the revisions that lead to target and returns those it
// applied, in order. Revisions another process applied meanwhile are
// skipped.
func (r *Runner) Upgrade(ctx context.Context, target string) ([]*revision.Revision, error) {
	return r.migrate(ctx, target, dirUp)
}

// Downgrade reverts revisions down to target and returns those it
// reverted, in order.
func (r *Runner) Downgrade(ctx context.Context, target string) ([]*revision.Revision, error) {
	return r.migrate(ctx, target, dirDown)
}

const (
	dirUp    = "up"
	dirDown  = "down"
	dirStamp = "stamp"
)

func (r *Runner) migrate(ctx context.Context, target, dir string) (done []*revision.Revision, err error) {
	err = r.session(ctx, func(conn *sql.Conn) error {
		b := book{r.Dialect}
		current, err := b.heads(ctx, conn)
		if err != nil {
			return err
		}
		var plan []*revision.Revision
		if dir == dirUp {
			plan, err = r.Graph.UpgradePlan(current, target)
		} else {
			plan, err = r.Graph.DowngradePlan(current, target)
		}
		if err != nil {
			return err
		}
		for _, rev := range plan {
			ran, err := r.apply(ctx, conn, rev, dir)
			if err != nil {
				return err
			}
			if ran {
				done = append(done, rev)
			}
		}
		return nil
	})
	return done, err
}

// session runs fn on one connection holding the migration lock, with the
// bookkeeping tables in place.
func (r *Runner) session(ctx context.Context, fn func(conn *sql.Conn) error) (err error) {
	if r.DB == nil || r.Dialect == nil || r.Graph == nil {
		return errors.New("runner: DB, Dialect and Graph must be set")
	}
	conn, err := r.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting to the database failed: %w", err)
	}
	defer conn.Close()
	if c, ok := r.Dialect.(dialect.Canceller); ok {
		// A closed socket does not stop the server: cancel there on ctx end.
		stop, err := c.WatchCancel(ctx, r.DB, conn)
		if err != nil {
			return err
		}
		defer func() {
			if serr := stop(); serr != nil {
				err = errors.Join(err, serr)
			}
		}()
	}
	unlock, err := r.Dialect.Lock(ctx, conn)
	if err != nil {
		return fmt.Errorf("taking the migration lock failed: %w", err)
	}
	defer func() {
		if uerr := unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("releasing the migration lock failed: %w", uerr)
		}
	}()
	if err := (book{r.Dialect}).ensure(ctx, conn); err != nil {
		return err
	}
	return fn(conn)
}
