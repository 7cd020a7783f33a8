package runner

import (
	"context"
	"fmt"
)

// runTx runs the revision inside a transaction that also records it, so
// it is either applied and recorded or neither. With Plan.Deferred the
// body commits first and the deferred statements and the record follow in
// a second transaction.
func (j *job) runTx(ctx context.Context, l *logLine) (ran bool, err error) {
	b := book{j.r.Dialect}
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
		l.skip()
		return false, nil
	}
	body := j.plan.Body
	if err := j.execList(ctx, body, 0, false); err != nil {
		return false, err
	}
	if err := j.checks(ctx, len(body), false); err != nil {
		return false, err
	}
	if len(j.plan.Deferred) > 0 {
		if err := j.commit(ctx); err != nil {
			return false, err
		}
		open = false
		if err := j.begin(ctx); err != nil {
			return false, err
		}
		open = true
		if err := j.execList(ctx, j.plan.Deferred, len(body), false); err != nil {
			return false, err
		}
	}
	if err := b.write(ctx, j.conn, j.record(current)); err != nil {
		return false, err
	}
	if err := j.commit(ctx); err != nil {
		return false, err
	}
	open = false
	return true, nil
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
