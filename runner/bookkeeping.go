package runner

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// book reads and writes the bookkeeping tables in one dialect's SQL.
type book struct{ d dialect.Dialect }

func (b book) ph(n int) string { return b.d.Placeholder(n) }

// ensure creates the bookkeeping tables if missing.
func (b book) ensure(ctx context.Context, q dialect.Querier) error {
	for _, s := range b.d.VersionTablesDDL() {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("creating retort's bookkeeping tables failed: %w\n  statement: %s", err, s)
		}
	}
	return b.upgradeProgress(ctx, q)
}

// heads returns the recorded heads, sorted; missing tables mean base.
func (b book) heads(ctx context.Context, q dialect.Querier) ([]string, error) {
	const query = "SELECT revision FROM retort_version"
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		if b.d.MissingTable(err) {
			return []string{}, nil
		}
		return nil, fmt.Errorf("reading retort_version failed: %w", err)
	}
	defer rows.Close()
	heads := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("reading retort_version failed: %w", err)
		}
		heads = append(heads, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading retort_version failed: %w", err)
	}
	slices.Sort(heads)
	return slices.Compact(heads), nil
}

// record is one bookkeeping change: the new heads and history rows.
type record struct {
	heads   []string
	history []entry
}

// entry is one retort_history row.
type entry struct {
	revision  string
	direction revision.Direction
	checksum  string
	at        time.Time
	duration  time.Duration
}

// statements returns the SQL and arguments that store rec, with bind
// parameters.
func (b book) statements(rec record) (stmts []string, args [][]any) {
	return rec.sql(func(n int, v any) string { return b.ph(n) })
}

// sql builds the statements that store rec; val renders the n-th value of
// a statement (a bind parameter, or a literal offline), and the values
// come back as arguments.
func (rec record) sql(val func(n int, v any) string) (stmts []string, args [][]any) {
	stmts = append(stmts, "DELETE FROM retort_version")
	args = append(args, nil)
	for _, h := range rec.heads {
		stmts = append(stmts, "INSERT INTO retort_version (revision) VALUES ("+val(1, h)+")")
		args = append(args, []any{h})
	}
	for _, e := range rec.history {
		vs := []any{e.revision, string(e.direction), e.checksum, e.at.UTC().Format(time.RFC3339), e.duration.Milliseconds()}
		s := "INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ("
		for i, v := range vs {
			if i > 0 {
				s += ", "
			}
			s += val(i+1, v)
		}
		stmts = append(stmts, s+")")
		args = append(args, vs)
	}
	return stmts, args
}

// write stores rec; q is expected to be inside a transaction.
func (b book) write(ctx context.Context, q dialect.Querier, rec record) error {
	stmts, args := b.statements(rec)
	for i, s := range stmts {
		if _, err := q.ExecContext(ctx, s, args[i]...); err != nil {
			return fmt.Errorf("recording the new heads in retort_version and retort_history failed: %w\n  statement: %s", err, s)
		}
	}
	return nil
}

// progress is a revision run that is not finished: a stepwise run part
// way through its statements, or a recorded revision whose deferred
// statements (validations) are pending.
type progress struct {
	direction revision.Direction
	checksum  string
	done      int // statements of Body+Deferred that took effect
	// inFlight is the 1-based number of a statement that commits on its
	// own and was started but not seen to finish (0: none); before is the
	// fingerprint of the reflected schema taken just before it.
	inFlight int
	before   string
	// doneSum is the checksum of the statements done (and the one in
	// flight), so an edit of the file after them does not block a resume.
	doneSum string
	// pending are the deferred statements still to run of a recorded
	// revision, kept as text: a Go revision renders differently once its
	// body ran, and the file may change meanwhile.
	pending []string
}

// progressColumns are retort_progress's columns after the first four; a
// table made by an older retort gets them added by ensure.
var progressColumns = []struct{ name, typ string }{
	{"in_flight", "INTEGER"}, {"before_schema", "VARCHAR(64)"}, {"done_checksum", "VARCHAR(64)"}, {"pending", "TEXT"},
}

// upgradeProgress adds the columns an older retort_progress lacks.
func (b book) upgradeProgress(ctx context.Context, q dialect.Querier) error {
	if rows, err := q.QueryContext(ctx, "SELECT in_flight, before_schema, done_checksum, pending FROM retort_progress WHERE 1 = 0"); err == nil {
		return rows.Close()
	}
	for _, c := range progressColumns {
		s := "ALTER TABLE retort_progress ADD COLUMN " + c.name + " " + c.typ
		probe, err := q.QueryContext(ctx, "SELECT "+c.name+" FROM retort_progress WHERE 1 = 0")
		if err == nil {
			probe.Close()
			continue
		}
		if _, err := q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("adding column %s to retort_progress failed: %w\n  statement: %s", c.name, err, s)
		}
	}
	return nil
}

// getProgress returns the progress row of a revision, if any.
func (b book) getProgress(ctx context.Context, q dialect.Querier, rev string) (*progress, error) {
	p := &progress{}
	var inFlight sql.NullInt64
	var direction string
	var before, doneSum, pending sql.NullString
	err := q.QueryRowContext(ctx,
		"SELECT direction, checksum, statements_done, in_flight, before_schema, done_checksum, pending FROM retort_progress WHERE revision = "+b.ph(1), rev).
		Scan(&direction, &p.checksum, &p.done, &inFlight, &before, &doneSum, &pending)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading retort_progress for revision %s failed: %w", rev, err)
	}
	p.direction = revision.Direction(direction)
	p.inFlight, p.before, p.doneSum = int(inFlight.Int64), before.String, doneSum.String
	if pending.String != "" {
		if err := json.Unmarshal([]byte(pending.String), &p.pending); err != nil {
			return nil, fmt.Errorf("reading the pending statements of revision %s in retort_progress failed: %w", rev, err)
		}
	}
	return p, nil
}

// saveProgress replaces the progress row of a revision in a transaction
// of its own, for callers outside one: the DELETE and INSERT of
// putProgress committing separately would leave no row at all if the
// process died between them, and the rerun would start the revision
// over.
func (b book) saveProgress(ctx context.Context, conn *sql.Conn, rev string, p progress) error {
	begin := b.d.BeginSQL()
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return fmt.Errorf("recording progress of revision %s in retort_progress failed: %w\n  statement: %s", rev, err, begin)
	}
	if err := b.putProgress(ctx, conn, rev, p); err != nil {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("recording progress of revision %s in retort_progress failed: %w\n  statement: COMMIT", rev, err)
	}
	return nil
}

// putProgress replaces the progress row of a revision; q must be in a
// transaction (see saveProgress).
func (b book) putProgress(ctx context.Context, q dialect.Querier, rev string, p progress) error {
	if err := b.clearProgress(ctx, q, rev); err != nil {
		return err
	}
	var inFlight, pending any
	if p.inFlight > 0 {
		inFlight = p.inFlight
	}
	if len(p.pending) > 0 {
		data, err := json.Marshal(p.pending)
		if err != nil {
			return fmt.Errorf("recording the pending statements of revision %s failed: %w", rev, err)
		}
		pending = string(data)
	}
	_, err := q.ExecContext(ctx, fmt.Sprintf(
		"INSERT INTO retort_progress (revision, direction, checksum, statements_done, in_flight, before_schema, done_checksum, pending) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
		b.ph(1), b.ph(2), b.ph(3), b.ph(4), b.ph(5), b.ph(6), b.ph(7), b.ph(8)),
		rev, string(p.direction), p.checksum, p.done, inFlight, p.before, p.doneSum, pending)
	if err != nil {
		return fmt.Errorf("recording progress of revision %s in retort_progress failed: %w", rev, err)
	}
	return nil
}

func (b book) clearProgress(ctx context.Context, q dialect.Querier, rev string) error {
	_, err := q.ExecContext(ctx, "DELETE FROM retort_progress WHERE revision = "+b.ph(1), rev)
	if err != nil {
		return fmt.Errorf("clearing retort_progress for revision %s failed: %w", rev, err)
	}
	return nil
}

// checksums returns, per revision, the checksum of its latest 'up' or
// 'stamp' history row.
func (b book) checksums(ctx context.Context, q dialect.Querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx,
		"SELECT revision, checksum FROM retort_history WHERE direction IN ('up', 'stamp') ORDER BY id")
	if err != nil {
		if b.d.MissingTable(err) {
			return map[string]string{}, nil
		}
		return nil, fmt.Errorf("reading retort_history failed: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var rev string
		var sum sql.NullString
		if err := rows.Scan(&rev, &sum); err != nil {
			return nil, fmt.Errorf("reading retort_history failed: %w", err)
		}
		out[rev] = sum.String
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading retort_history failed: %w", err)
	}
	return out, nil
}

// progressRevisions lists the revisions with a progress row.
func (b book) progressRevisions(ctx context.Context, q dialect.Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT revision FROM retort_progress")
	if err != nil {
		return nil, fmt.Errorf("reading retort_progress failed: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("reading retort_progress failed: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
