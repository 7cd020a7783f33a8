package runner

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/schema"
)

// job is one revision being applied or reverted.
type job struct {
	r     *Runner
	conn  *sql.Conn
	rev   *revision.Revision
	dir   revision.Direction
	plan  dialect.Plan
	src   map[string]revision.Statement // statement text -> where it is in the file
	start time.Time
	l     *logLine
	// expect is the heads the plan was made for; anything else inside the
	// revision's transaction means another run moved the database.
	expect []string
}

// newJob prepares rev for direction dir: the statements of its body
// arranged by the dialect. The body may read the live schema on conn;
// conn is nil offline, where the live schema is unknown.
func (r *Runner) newJob(ctx context.Context, conn *sql.Conn, rev *revision.Revision, dir revision.Direction) (*job, error) {
	env := revision.BodyEnv{Dialect: r.Dialect, Render: r.RenderOptions}
	if conn != nil {
		env.Live = func(ctx context.Context) (*schema.Schema, error) { return r.Dialect.Reflect(ctx, conn) }
	}
	b, err := body(rev)
	if err != nil {
		return nil, err
	}
	stmts, err := b.Statements(ctx, dir, env)
	if err != nil {
		// A body rendered from the live schema fails against a schema its
		// own earlier run half changed; that run is what to report.
		if conn != nil && !b.Resumable() {
			if p, perr := (book{r.Dialect}).getProgress(ctx, conn, rev.ID); perr == nil && p != nil && p.direction == dir && p.done+p.inFlight > 0 {
				return nil, partlyRun(rev, p)
			}
		}
		return nil, &MigrationError{Revision: rev, Direction: dir, Err: err}
	}
	texts := make([]string, len(stmts))
	src := make(map[string]revision.Statement, len(stmts))
	for i, s := range stmts {
		texts[i] = s.SQL
		if _, dup := src[s.SQL]; !dup {
			src[s.SQL] = s
		}
	}
	return &job{r: r, conn: conn, rev: rev, dir: dir, plan: r.Dialect.Prepare(texts), src: src, start: time.Now()}, nil
}

// apply runs one revision in direction dir on top of heads expect; ran is
// false when another process had already done it.
func (r *Runner) apply(ctx context.Context, conn *sql.Conn, rev *revision.Revision, dir revision.Direction, expect []string) (ran bool, step Step, err error) {
	j, err := r.newJob(ctx, conn, rev, dir)
	if err != nil {
		return false, Step{}, err
	}
	j.expect = expect
	l := r.logStart(rev, dir)
	j.l = l
	defer func() {
		took := time.Since(j.start)
		step = Step{Revision: rev, Direction: dir, Statements: len(j.statements()), Duration: took}
		l.end(ran, err, took)
	}()
	defer func() { ran, err = j.truth(ctx, ran, err) }()
	defer j.after(ctx, &err)
	if err := j.execList(ctx, j.plan.Before, 0, false); err != nil {
		return false, step, err
	}
	if j.transactional() {
		ran, err = j.runTx(ctx)
	} else {
		ran, err = j.runStepwise(ctx)
	}
	return ran, step, err
}

// transactional reports whether the whole body runs in one transaction.
func (j *job) transactional() bool {
	return j.r.Dialect.Capabilities().TransactionalDDL && !j.plan.NoTransaction
}

// statements is the plan's Body then Deferred: what retort_progress
// counts.
func (j *job) statements() []string { return slices.Concat(j.plan.Body, j.plan.Deferred) }

// stmt returns where text comes from in the revision file.
func (j *job) stmt(text string) revision.Statement {
	if s, ok := j.src[text]; ok {
		return s
	}
	return revision.Statement{SQL: text}
}

func (j *job) fail(text string, executed, total int, notRolledBack bool, err error) *MigrationError {
	return &MigrationError{Revision: j.rev, Direction: j.dir, Statement: j.stmt(text),
		Executed: executed, Total: total, NotRolledBack: notRolledBack, Err: err,
		Message: j.r.Dialect.DescribeError(err)}
}

// execList runs statements; offset numbers them for errors.
func (j *job) execList(ctx context.Context, stmts []string, offset int, notRolledBack bool) error {
	total := offset + len(stmts)
	if len(j.plan.Body)+len(j.plan.Deferred) > total {
		total = len(j.plan.Body) + len(j.plan.Deferred)
	}
	for i, s := range stmts {
		if err := j.exec(ctx, s, offset+i, total, notRolledBack); err != nil {
			return err
		}
	}
	return nil
}

// exec runs statement number i (0-based) of total.
func (j *job) exec(ctx context.Context, s string, i, total int, notRolledBack bool) error {
	j.r.logStatement(s)
	done := j.l.step(i+1, total, s)
	_, err := j.conn.ExecContext(ctx, s)
	done()
	if err != nil {
		return j.fail(s, i, total, notRolledBack, err)
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
	return applied == (j.dir == revision.Up)
}

// moved checks, inside the revision's transaction or under the lock, that
// the recorded heads are still those the plan was made for.
func (j *job) moved(current []string) error {
	if j.expect == nil || slices.Equal(current, j.expect) {
		return nil
	}
	return fmt.Errorf("revision %s was not %s: the recorded revisions changed during this run (planned at %s, now %s), so another migration ran at the same time; nothing of it ran, run the command again",
		j.rev.ID, map[revision.Direction]string{revision.Up: "applied", revision.Down: "reverted"}[j.dir], headsText(j.expect), headsText(current))
}

// record is the bookkeeping for this revision on top of current.
func (j *job) record(current []string) record {
	var heads []string
	if j.dir == revision.Up {
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

// preChecks runs Plan.PreChecks before anything of the revision; rows
// refuse it. A query that cannot run (the revision creates its table) is
// skipped: the deferred validation still catches the rows.
func (j *job) preChecks(ctx context.Context) error {
	for _, q := range j.plan.PreChecks {
		j.r.logStatement(q)
		found, err := queryRows(ctx, j.conn, q, 10)
		if err != nil || len(found) == 0 {
			continue
		}
		err = fmt.Errorf("%d or more existing row(s) would violate a foreign key the revision adds, so nothing ran; fix or delete them first: %s", len(found), joinRows(found))
		return j.fail(q, 0, len(j.statements()), false, err)
	}
	return nil
}

// sumOf is the checksum of the first n statements, which a resumed run
// compares to tell whether what already ran was edited since.
func sumOf(stmts []string, n int) string {
	h := sha256.New()
	for _, s := range stmts[:min(n, len(stmts))] {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
