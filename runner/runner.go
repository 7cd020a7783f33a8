package runner

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// Runner applies a revision graph to one database.
type Runner struct {
	DB      *sql.DB
	Dialect dialect.Dialect
	Graph   *revision.Graph
	Log     io.Writer // progress lines; nil = silent
	// Logger, when set, gets the same events as records (docs in log.go).
	Logger *slog.Logger
	// Verbose also logs every statement before it runs.
	Verbose bool
	// RenderOptions render the operations of Go revisions.
	RenderOptions dialect.RenderOptions
	// LockTimeout is how long to wait for another migration's lock; 0
	// means dialect.DefaultLockTimeout.
	LockTimeout time.Duration
	// OfflineNotes, when set, gives comment lines OfflineSQL writes under
	// a revision's heading (such as warnings about dropped data).
	OfflineNotes func(*revision.Revision) []string
}

// Current returns the heads recorded in retort_version, sorted; empty at
// base, also when the bookkeeping tables do not exist yet.
func (r *Runner) Current(ctx context.Context) ([]string, error) {
	if err := r.ready(); err != nil {
		return nil, err
	}
	return book{r.Dialect}.heads(ctx, r.DB)
}

// Upgrade applies the revisions that lead to target and returns those it
// applied, in order. Revisions another process applied meanwhile are
// skipped.
func (r *Runner) Upgrade(ctx context.Context, target string) ([]*revision.Revision, error) {
	steps, err := r.Migrate(ctx, target, false)
	return revisionsOf(steps), err
}

// Downgrade reverts revisions down to target and returns those it
// reverted, in order.
func (r *Runner) Downgrade(ctx context.Context, target string) ([]*revision.Revision, error) {
	steps, err := r.Migrate(ctx, target, true)
	return revisionsOf(steps), err
}

// Step is one revision a run applied or reverted.
type Step struct {
	Revision  *revision.Revision
	Direction revision.Direction
	// Statements is the number of statements of the revision's plan (body
	// and deferred), as MigrationError.Total counts them.
	Statements int
	Duration   time.Duration
}

// Migrate is Upgrade (down false) or Downgrade, reporting each step; on
// failure the steps that took effect before it are returned too.
func (r *Runner) Migrate(ctx context.Context, target string, down bool) ([]Step, error) {
	if down {
		return r.migrate(ctx, target, revision.Down)
	}
	return r.migrate(ctx, target, revision.Up)
}

func revisionsOf(steps []Step) []*revision.Revision {
	var revs []*revision.Revision
	for _, s := range steps {
		revs = append(revs, s.Revision)
	}
	return revs
}

func (r *Runner) migrate(ctx context.Context, target string, dir revision.Direction) (done []Step, err error) {
	err = r.session(ctx, func(conn *sql.Conn) error {
		b := book{r.Dialect}
		if dir == revision.Up {
			// A recorded revision whose validation is pending finishes
			// before anything else runs.
			if err := r.finishPending(ctx, conn); err != nil {
				return err
			}
		}
		current, err := b.heads(ctx, conn)
		if err != nil {
			return err
		}
		var plan []*revision.Revision
		if dir == revision.Up {
			plan, err = r.Graph.UpgradePlan(current, target)
		} else {
			plan, err = r.Graph.DowngradePlan(current, target)
		}
		if err != nil {
			return err
		}
		if err := refuse(plan, dir); err != nil {
			return err
		}
		for _, rev := range plan {
			ran, step, err := r.apply(ctx, conn, rev, dir, current)
			if ran {
				done = append(done, step)
				if dir == revision.Up {
					current = r.Graph.HeadsAfterUpgrade(current, rev)
				} else {
					current = r.Graph.HeadsAfterDowngrade(current, rev)
				}
			}
			if err != nil {
				return err
			}
			if !ran {
				// Another process did it; plan on from what is recorded.
				if current, err = b.heads(ctx, conn); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return done, err
}

// session runs fn on one connection holding the migration lock, with the
// bookkeeping tables in place.
func (r *Runner) session(ctx context.Context, fn func(conn *sql.Conn) error) (err error) {
	if err := r.ready(); err != nil {
		return err
	}
	conn, err := r.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting to the database failed: %w", err)
	}
	defer conn.Close()
	// A closed socket does not stop a server: cancel there on ctx end.
	stop, err := r.Dialect.WatchCancel(ctx, r.DB, conn)
	if err != nil {
		return err
	}
	defer func() {
		if serr := stop(); serr != nil {
			err = errors.Join(err, serr)
		}
	}()
	unlock, err := r.Dialect.Lock(ctx, conn, dialect.LockOptions{
		Timeout: r.LockTimeout,
		Waiting: r.logLockWait,
	})
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

// refuse checks, before anything runs, that every revision of the plan
// may run in direction dir (an unfilled revision file may not upgrade).
func refuse(plan []*revision.Revision, dir revision.Direction) error {
	for _, rev := range plan {
		b, err := body(rev)
		if err != nil {
			return err
		}
		if err := b.Ready(dir); err != nil {
			return err
		}
	}
	return nil
}

// body is what rev runs; a revision built without one cannot run.
func body(rev *revision.Revision) (revision.Body, error) {
	if rev.Body == nil {
		return nil, fmt.Errorf("revision %s has no body, so it cannot run", rev.ID)
	}
	return rev.Body, nil
}

// ready checks that the runner has what every database command needs.
func (r *Runner) ready() error {
	if r.DB == nil || r.Dialect == nil || r.Graph == nil {
		return errors.New("runner: DB, Dialect and Graph must be set")
	}
	return nil
}
