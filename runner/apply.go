package runner

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

// job is one revision being applied or reverted.
type job struct {
	r     *Runner
	conn  *sql.Conn
	rev   *revision.Revision
	dir   string
	plan  dialect.Plan
	src   map[string]sqlsplit.Stmt // statement text -> where it is in the file
	start time.Time
	l     *logLine
}

// apply runs one revision in direction dir; ran is false when another
// process had already done it.
func (r *Runner) apply(ctx context.Context, conn *sql.Conn, rev *revision.Revision, dir string) (ran bool, err error) {
	stmts := rev.Upgrade
	if dir == dirDown {
		stmts = rev.Downgrade
	}
	texts := make([]string, len(stmts))
	src := make(map[string]sqlsplit.Stmt, len(stmts))
	for i, s := range stmts {
		texts[i] = s.SQL
		if _, dup := src[s.SQL]; !dup {
			src[s.SQL] = s
		}
	}
	if rev.IsGo() {
		// Before the transaction: the plan may need statements ahead of BEGIN.
		if texts, err = r.goStatements(ctx, conn, rev, dir); err != nil {
			return false, err
		}
	}
	j := &job{r: r, conn: conn, rev: rev, dir: dir, plan: r.Dialect.Prepare(texts), src: src, start: time.Now()}
	l := r.logStart(rev, dir)
	j.l = l
	defer func() { l.end(ran, err, time.Since(j.start)) }()
	defer j.after(ctx, &err)
	if err := j.execList(ctx, j.plan.Before, 0, false); err != nil {
		return false, err
	}
	if !r.Dialect.TransactionalDDL() || j.plan.NoTransaction {
		return j.runStepwise(ctx, l)
	}
	return j.runTx(ctx, l)
}

// stmt returns where text comes from in the revision file.
func (j *job) stmt(text string) sqlsplit.Stmt {
	if s, ok := j.src[text]; ok {
		return s
	}
	return sqlsplit.Stmt{SQL: text}
}

func (j *job) fail(text string, executed, total int, notRolledBack bool, err error) *MigrationError {
	return &MigrationError{Revision: j.rev, Direction: j.dir, Statement: j.stmt(text),
		Executed: executed, Total: total, NotRolledBack: notRolledBack, Err: err,
		Message: dialect.Describe(j.r.Dialect, err)}
}

// execList runs statements; offset numbers them for errors.
func (j *job) execList(ctx context.Context, stmts []string, offset int, notRolledBack bool) error {
	for i, s := range stmts {
		j.r.logStatement(s)
		done := j.l.step(offset+i+1, offset+len(stmts), s)
		_, err := j.conn.ExecContext(ctx, s)
		done()
		if err != nil {
			return j.fail(s, offset+i, offset+len(stmts), notRolledBack, err)
		}
	}
	return nil
}

// after runs Plan.After whatever happened; its failure is reported only
// when nothing failed before.
func (j *job) after(ctx context.Context, errp *error) {
	ctx = context.WithoutCancel(ctx)
	for _, s := range j.plan.After {
		if _, err := j.conn.ExecContext(ctx, s); err != nil && *errp == nil {
			*errp = fmt.Errorf("restoring the connection after revision %s failed: %w\n  statement: %s", j.rev.ID, err, s)
		}
	}
}

// done reports whether the revision is already in the wanted state at
// heads current.
func (j *job) done(current []string) bool {
	applied := j.r.Graph.Applied(current)[j.rev.ID]
	return applied == (j.dir == dirUp)
}

// record is the bookkeeping for this revision on top of current.
func (j *job) record(current []string) record {
	var heads []string
	if j.dir == dirUp {
		heads = j.r.Graph.HeadsAfterUpgrade(current, j.rev)
	} else {
		heads = j.r.Graph.HeadsAfterDowngrade(current, j.rev)
	}
	return record{heads: heads, history: []entry{{
		revision: j.rev.ID, direction: j.dir, checksum: j.rev.Checksum,
		at: time.Now(), duration: time.Since(j.start),
	}}}
}

// checks runs Plan.Checks; any row fails the revision.
func (j *job) checks(ctx context.Context, executed int, notRolledBack bool) error {
	for _, q := range j.plan.Checks {
		j.r.logStatement(q)
		found, err := queryRows(ctx, j.conn, q, 10)
		if err != nil {
			return j.fail(q, executed, executed, notRolledBack, err)
		}
		if len(found) > 0 {
			err := fmt.Errorf("check found violations (first %d row(s)): %s", len(found), joinRows(found))
			return j.fail(q, executed, executed, notRolledBack, err)
		}
	}
	return nil
}
