package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
)

// runStepwise runs the revision statement by statement where DDL cannot
// be rolled back (MySQL) or must not run in a transaction, recording
// progress in retort_progress so a rerun resumes after the statements
// that already ran.
func (j *job) runStepwise(ctx context.Context, l *logLine) (ran bool, err error) {
	b := book{j.r.Dialect}
	// The migration lock is held, so no other process moves the heads.
	current, err := b.heads(ctx, j.conn)
	if err != nil {
		return false, err
	}
	if j.done(current) {
		l.skip()
		return false, nil
	}
	stmts := slices.Concat(j.plan.Body, j.plan.Deferred)
	start := 0
	p, err := b.getProgress(ctx, j.conn, j.rev.ID)
	if err != nil {
		return false, err
	}
	switch {
	case p == nil:
		if err := b.startProgress(ctx, j.conn, j.rev.ID, progress{direction: j.dir, checksum: j.rev.Checksum}); err != nil {
			return false, err
		}
	case j.rev.IsGo() && p.done > 0:
		// Its statements are rendered from the live schema, which the
		// statements that ran have changed: resuming by index is unsafe.
		return false, fmt.Errorf("Go revision %s (%s) was partly run (%d statement(s) done, recorded in retort_progress) and cannot resume; finish or undo it by hand, then delete its retort_progress row",
			j.rev.ID, j.rev.File, p.done)
	case p.direction != j.dir:
		return false, fmt.Errorf("revision %s (%s) has an unfinished %s run (%d statement(s) done) recorded in retort_progress; finish it with %s, or repair by hand and delete its retort_progress row",
			j.rev.ID, j.rev.File, p.direction, p.done, map[string]string{dirUp: "upgrade", dirDown: "downgrade"}[p.direction])
	case p.checksum != j.rev.Checksum:
		return false, fmt.Errorf("revision %s (%s) was partly run (%d of %d statement(s)) and its file changed since; restore the file as it was, or finish the revision by hand and run stamp %s",
			j.rev.ID, j.rev.File, p.done, len(stmts), j.rev.ID)
	default:
		start = min(p.done, len(stmts))
		l.note(fmt.Sprintf("resuming at statement %d of %d", start+1, len(stmts)))
	}
	// A progress row means an earlier run started here; its in-flight
	// statement may have taken effect.
	resumed := p != nil
	for i := start; i < len(stmts); i++ {
		j.r.logStatement(stmts[i])
		done := l.step(i+1, len(stmts), stmts[i])
		err := j.execStep(ctx, b, stmts[i], i)
		done()
		if err != nil && resumed && i == start && j.alreadyApplied(err) {
			// The process died after this DDL took effect but before its
			// progress was recorded.
			l.note(fmt.Sprintf("statement %d had already taken effect before the interruption", i+1))
			err = b.setProgress(ctx, j.conn, j.rev.ID, i+1)
		}
		if err != nil {
			return false, err
		}
	}
	if err := j.checks(ctx, len(stmts), true); err != nil {
		return false, err
	}
	if err := j.begin(ctx); err != nil {
		return false, err
	}
	err = b.write(ctx, j.conn, j.record(current))
	if err == nil {
		err = b.clearProgress(ctx, j.conn, j.rev.ID)
	}
	if err != nil {
		j.rollback(ctx)
		return false, err
	}
	return true, j.commit(ctx)
}

// execStep runs one statement and records it as done. A statement that does
// not commit implicitly runs in one transaction with its progress record,
// so a crash can never leave it done but unrecorded.
func (j *job) execStep(ctx context.Context, b book, stmt string, i int) error {
	total := len(j.plan.Body) + len(j.plan.Deferred)
	ic, ok := j.r.Dialect.(dialect.ImplicitCommitter)
	if !ok || ic.CommitsImplicitly(stmt) {
		if _, err := j.conn.ExecContext(ctx, stmt); err != nil {
			return j.fail(stmt, i, total, true, err)
		}
		return b.setProgress(ctx, j.conn, j.rev.ID, i+1)
	}
	if err := j.begin(ctx); err != nil {
		return err
	}
	if _, err := j.conn.ExecContext(ctx, stmt); err != nil {
		j.rollback(ctx)
		return j.fail(stmt, i, total, true, err)
	}
	if err := b.setProgress(ctx, j.conn, j.rev.ID, i+1); err != nil {
		j.rollback(ctx)
		return err
	}
	return j.commit(ctx)
}

func (j *job) alreadyApplied(err error) bool {
	var me *MigrationError
	if errors.As(err, &me) {
		err = me.Err
	}
	rc, ok := j.r.Dialect.(dialect.ResumeClassifier)
	return ok && rc.AlreadyApplied(err)
}
