package runner

import (
	"context"
	"errors"

	"github.com/retortdb/retort/dialect"
)

// runStepwise runs a revision whose statements cannot share one
// transaction (MySQL DDL, PostgreSQL CREATE INDEX CONCURRENTLY). Runs of
// statements that can share one run in a transaction with their progress
// record; a statement that commits on its own runs alone, marked in
// retort_progress as in flight before it starts, so a rerun after a crash
// can find out from the catalog whether it took effect (resume.go). The
// revision is recorded in a last transaction, as in runTx.
func (j *job) runStepwise(ctx context.Context) (ran bool, err error) {
	b := book{j.r.Dialect}
	// The migration lock is held, so no other process moves the heads.
	current, err := b.heads(ctx, j.conn)
	if err != nil {
		return false, err
	}
	if j.done(current) {
		j.l.skip()
		return false, nil
	}
	if err := j.moved(current); err != nil {
		return false, err
	}
	start, err := j.resumeAt(ctx, b)
	if err != nil {
		return false, err
	}
	if start == 0 {
		if err := j.preChecks(ctx); err != nil {
			return false, err
		}
	}
	body := j.plan.Body
	for i := start; i < len(body); {
		n := j.group(body, i)
		if n == 0 {
			err = j.execAlone(ctx, b, i)
			n = 1
		} else {
			err = j.execGroup(ctx, b, i, n)
		}
		if err != nil {
			return false, err
		}
		i += n
	}
	if err := j.checks(ctx, len(body), true); err != nil {
		return false, err
	}
	if err := j.begin(ctx); err != nil {
		return false, err
	}
	if err := j.finish(ctx, b, current); err != nil {
		j.rollback(ctx)
		return false, err
	}
	if err := j.commit(ctx); err != nil {
		return false, err
	}
	return true, j.runDeferred(ctx, j.plan.Deferred, len(body))
}

// commitsAlone reports whether a statement must run on its own.
func (j *job) commitsAlone(stmt string) bool { return j.r.Dialect.CommitsImplicitly(stmt) }

// group returns how many statements from i on can run in one
// transaction; 0 when statement i commits on its own.
func (j *job) group(stmts []string, i int) int {
	n := 0
	for i+n < len(stmts) && !j.commitsAlone(stmts[i+n]) {
		n++
	}
	return n
}

// execGroup runs statements i..i+n-1 in one transaction together with
// their progress, so a crash leaves all of them done and recorded or
// none.
func (j *job) execGroup(ctx context.Context, b book, i, n int) error {
	all := j.statements()
	if err := j.begin(ctx); err != nil {
		return err
	}
	for k := i; k < i+n; k++ {
		if err := j.exec(ctx, all[k], k, len(all), true); err != nil {
			j.rollback(ctx)
			var me *MigrationError
			if errors.As(err, &me) {
				// The group's earlier statements were rolled back with it.
				me.Executed = i
			}
			return err
		}
	}
	if err := b.putProgress(ctx, j.conn, j.rev.ID, j.progressAt(i+n)); err != nil {
		j.rollback(ctx)
		return err
	}
	return j.commit(ctx)
}

// execAlone runs statement i, which commits on its own: in flight first,
// with the fingerprint that lets a rerun tell whether it took effect.
func (j *job) execAlone(ctx context.Context, b book, i int) error {
	all := j.statements()
	p := j.progressAt(i)
	p.inFlight, p.doneSum = i+1, sumOf(all, i+1)
	if j.effect(all[i]) == dialect.EffectSchema {
		fp, err := j.fingerprint(ctx)
		if err != nil {
			return err
		}
		p.before = fp
	}
	if err := b.saveProgress(ctx, j.conn, j.rev.ID, p); err != nil {
		return err
	}
	if err := j.exec(ctx, all[i], i, len(all), true); err != nil {
		j.afterRejected(ctx, b, i, err)
		return err
	}
	return b.saveProgress(ctx, j.conn, j.rev.ID, j.progressAt(i+1))
}

// progressAt is the progress row for the first done statements finished.
func (j *job) progressAt(done int) progress {
	return progress{direction: j.dir, checksum: j.rev.Checksum, done: done, doneSum: sumOf(j.statements(), done)}
}

// afterRejected clears the in-flight mark of statement i when the server
// refused it, which proves it had no effect, after removing what a failed
// attempt leaves (PostgreSQL's invalid index). Otherwise (connection lost,
// cancelled) the mark stays and the rerun asks the catalog.
func (j *job) afterRejected(ctx context.Context, b book, i int, err error) {
	if !j.r.Dialect.Rejected(err) {
		return
	}
	ctx = context.WithoutCancel(ctx)
	v, cleanup, cerr := j.r.Dialect.CheckInFlight(ctx, j.conn, j.statements()[i])
	if cerr != nil || v == dialect.InFlightApplied {
		return
	}
	for _, s := range cleanup {
		j.r.logStatement(s)
		if _, err := j.conn.ExecContext(ctx, s); err != nil {
			return
		}
	}
	_ = b.saveProgress(ctx, j.conn, j.rev.ID, j.progressAt(i))
}

func (j *job) effect(stmt string) dialect.Effect { return j.r.Dialect.Effect(stmt) }
