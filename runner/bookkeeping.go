package runner

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
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
	return nil
}

// heads returns the recorded heads, sorted; missing tables mean base.
func (b book) heads(ctx context.Context, q dialect.Querier) ([]string, error) {
	const query = "SELECT revision FROM retort_version"
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		if missingTable(b.d, err) {
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

// missingTable reports whether err says a bookkeeping table does not
// exist. Dialects may answer precisely; otherwise the three supported
// databases' messages are recognized.
func missingTable(d dialect.Dialect, err error) bool {
	if m, ok := d.(interface{ MissingTable(error) bool }); ok {
		return m.MissingTable(err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "retort_") {
		return false
	}
	return strings.Contains(msg, "no such table") || // SQLite
		strings.Contains(msg, "does not exist") || // PostgreSQL 42P01
		strings.Contains(msg, "doesn't exist") // MySQL 1146
}

// record is one bookkeeping change: the new heads and history rows.
type record struct {
	heads   []string
	history []entry
}

// entry is one retort_history row.
type entry struct {
	revision  string
	direction string // "up", "down" or "stamp"
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
		vs := []any{e.revision, e.direction, e.checksum, e.at.UTC().Format(time.RFC3339), e.duration.Milliseconds()}
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

// progress is a partial non-transactional run.
type progress struct {
	direction string
	checksum  string
	done      int
}

// getProgress returns the progress row of a revision, if any.
func (b book) getProgress(ctx context.Context, q dialect.Querier, rev string) (*progress, error) {
	p := &progress{}
	err := q.QueryRowContext(ctx,
		"SELECT direction, checksum, statements_done FROM retort_progress WHERE revision = "+b.ph(1), rev).
		Scan(&p.direction, &p.checksum, &p.done)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading retort_progress for revision %s failed: %w", rev, err)
	}
	return p, nil
}

func (b book) startProgress(ctx context.Context, q dialect.Querier, rev string, p progress) error {
	if err := b.clearProgress(ctx, q, rev); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, fmt.Sprintf(
		"INSERT INTO retort_progress (revision, direction, checksum, statements_done) VALUES (%s, %s, %s, %s)",
		b.ph(1), b.ph(2), b.ph(3), b.ph(4)), rev, p.direction, p.checksum, p.done)
	if err != nil {
		return fmt.Errorf("recording progress of revision %s in retort_progress failed: %w", rev, err)
	}
	return nil
}

func (b book) setProgress(ctx context.Context, q dialect.Querier, rev string, done int) error {
	_, err := q.ExecContext(ctx, fmt.Sprintf(
		"UPDATE retort_progress SET statements_done = %s WHERE revision = %s", b.ph(1), b.ph(2)), done, rev)
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
		if missingTable(b.d, err) {
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
