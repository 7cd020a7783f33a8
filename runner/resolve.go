package runner

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Resolution is the user's decision about an unfinished stepwise run of a
// revision, after checking the database by hand.
type Resolution struct {
	// SkipStatement, when > 0, says statements up to and including this
	// (1-based) one took effect: the statement in flight or the one that
	// failed was finished by hand. The run resumes after it.
	SkipStatement int
	// Retry says the statement in flight did not take effect: the run
	// resumes at it, with the revision file as it is now.
	Retry bool
	// Forget deletes the unfinished run: everything it did was undone by
	// hand, and the revision starts from its first statement next time.
	Forget bool
}

// Resolve records a decision about revision id's unfinished run in
// retort_progress, adopting the revision file as it is now.
func (r *Runner) Resolve(ctx context.Context, id string, res Resolution) error {
	n := 0
	for _, set := range []bool{res.SkipStatement > 0, res.Retry, res.Forget} {
		if set {
			n++
		}
	}
	if n != 1 {
		return errors.New("resolve needs exactly one of --skip-statement N, --retry or --forget")
	}
	rev := r.Graph.Get(id)
	if rev == nil {
		ids, err := r.Graph.Resolve(id, nil)
		if err != nil && res.Forget {
			return r.forgetByID(ctx, id, err)
		}
		if err != nil {
			return err
		}
		if len(ids) != 1 {
			return fmt.Errorf("resolve takes one revision; %s names %d", id, len(ids))
		}
		rev = r.Graph.Get(ids[0])
	}
	return r.session(ctx, func(conn *sql.Conn) error {
		b := book{r.Dialect}
		p, err := b.getProgress(ctx, conn, rev.ID)
		if err != nil {
			return err
		}
		if p == nil {
			return fmt.Errorf("revision %s has no unfinished run to resolve (retort_progress has no row for it)", rev.ID)
		}
		if res.Forget {
			return b.clearProgress(ctx, conn, rev.ID)
		}
		j, err := r.newJob(ctx, conn, rev, p.direction)
		if err != nil {
			return err
		}
		all := j.statements()
		next := p.done + 1
		if p.inFlight > 0 {
			next = p.inFlight
		}
		done := next - 1
		if res.SkipStatement > 0 {
			if res.SkipStatement != next {
				return fmt.Errorf("--skip-statement %d: the next statement of revision %s's unfinished run is %d (%d done); only that one can be marked done",
					res.SkipStatement, rev.ID, next, p.done)
			}
			done = next
		}
		if done > len(all) {
			return fmt.Errorf("revision %s's file has %d statement(s) now, fewer than the %d the unfinished run did", rev.ID, len(all), done)
		}
		np := j.progressAt(done)
		np.direction = p.direction
		np.pending = p.pending
		return b.saveProgress(ctx, conn, rev.ID, np)
	})
}

// forgetByID forgets the unfinished run of a revision the graph does not
// hold (a Go revision, which the retort command cannot load): only its
// progress row is needed. Without one, unknown is the error.
func (r *Runner) forgetByID(ctx context.Context, id string, unknown error) error {
	return r.session(ctx, func(conn *sql.Conn) error {
		b := book{r.Dialect}
		p, err := b.getProgress(ctx, conn, id)
		if err != nil {
			return err
		}
		if p == nil {
			return unknown
		}
		return b.clearProgress(ctx, conn, id)
	})
}
