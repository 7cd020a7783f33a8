package runner

import (
	"context"
	"errors"
	"fmt"
)

// runTx runs the revision inside one transaction that also records it, so
// it is either applied and recorded or neither. With Plan.Deferred the
// same transaction marks the deferred statements as pending, and they run
// after it commits (runDeferred).
func (j *job) runTx(ctx context.Context) (ran bool, err error) {
	b := book{j.r.Dialect}
	if err := j.preChecks(ctx); err != nil {
		return false, err
	}
	if err := j.begin(ctx); err != nil {
		return false, err
	}
	open := true
	defer func() {
		if open {
			j.rollback(ctx)
		}
	}()
	// Re-read inside the transaction: another process may have done this
	// revision since the plan was made.
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
	body := j.plan.Body
	if err := j.execList(ctx, body, 0, false); err != nil {
		return false, err
	}
	if err := j.checks(ctx, len(body), false); err != nil {
		return false, err
	}
	if err := j.finish(ctx, b, current); err != nil {
		return false, err
	}
	if err := j.commit(ctx); err != nil {
		return false, err
	}
	open = false
	return true, j.runDeferred(ctx, j.plan.Deferred, len(body))
}

// finish writes the revision's record and, when deferred statements
// follow, the progress row that keeps them pending; the caller's
// transaction commits both with the body.
func (j *job) finish(ctx context.Context, b book, current []string) error {
	if err := b.write(ctx, j.conn, j.record(current)); err != nil {
		return err
	}
	if len(j.plan.Deferred) == 0 {
		return b.clearProgress(ctx, j.conn, j.rev.ID)
	}
	n := len(j.plan.Body)
	return b.putProgress(ctx, j.conn, j.rev.ID, progress{direction: j.dir, checksum: j.rev.Checksum, done: n, doneSum: sumOf(j.statements(), n), pending: j.plan.Deferred})
}

// runDeferred runs a recorded revision's pending statements, numbered
// from offset, each in its own transaction that also records what is
// left, and clears the progress row with the last one. A failure leaves
// the revision recorded with the rest pending; a rerun of upgrade only
// runs them (finishPending).
func (j *job) runDeferred(ctx context.Context, pending []string, offset int) error {
	b := book{j.r.Dialect}
	total := offset + len(pending)
	for k, s := range pending {
		if err := j.begin(ctx); err != nil {
			return err
		}
		err := j.exec(ctx, s, offset+k, total, true)
		if err == nil && k == len(pending)-1 {
			err = b.clearProgress(ctx, j.conn, j.rev.ID)
		} else if err == nil {
			err = b.putProgress(ctx, j.conn, j.rev.ID, progress{direction: j.dir, checksum: j.rev.Checksum, done: offset + k + 1, pending: pending[k+1:]})
		}
		if err != nil {
			j.rollback(ctx)
			var me *MigrationError
			if errors.As(err, &me) {
				me.Pending = len(pending) - k
			}
			return err
		}
		if err := j.commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (j *job) begin(ctx context.Context) error {
	s := j.r.Dialect.BeginSQL()
	if _, err := j.conn.ExecContext(ctx, s); err != nil {
		return fmt.Errorf("starting the transaction for revision %s failed: %w\n  statement: %s", j.rev.ID, err, s)
	}
	return nil
}

func (j *job) commit(ctx context.Context) error {
	if _, err := j.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("committing revision %s failed: %w", j.rev.ID, err)
	}
	return nil
}

// rollback ends a failed transaction even when ctx was cancelled; the
// original error is what gets reported.
func (j *job) rollback(ctx context.Context) {
	_, _ = j.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
}
