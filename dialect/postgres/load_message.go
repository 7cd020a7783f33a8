package postgres

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/retortdb/retort/dialect"
)

// A batch's transaction goes to the server as one simple-query message
// (BEGIN, the statements, the lock count, COMMIT): a round trip per
// batch instead of per statement, as psql -f pays. The server runs the
// statements in order and stops at the first failure, and each statement
// that ran answers once, so the answers counted name the failing one.

// loadPart is one statement of a message: index into the batch's
// statements, or -1 for the batcher's own.
type loadPart struct {
	sql   string
	index int
}

// loadLockCountSQL counts the lock slots the transaction holds.
const loadLockCountSQL = `SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND NOT fastpath`

// loadMessages cuts a batch into the messages sent one after the other.
// The server lexes a whole message before running any of it, so a
// statement that changes how the rest lexes (standard_conforming_strings)
// is the last of its message.
func loadMessages(stmts []loadStmt) [][]loadPart {
	msgs := [][]loadPart{{{sql: "BEGIN", index: -1}}}
	for i, s := range stmts {
		last := len(msgs) - 1
		msgs[last] = append(msgs[last], loadPart{sql: s.SQL, index: i})
		if strings.Contains(strings.ToLower(s.SQL), "standard_conforming_strings") && i < len(stmts)-1 {
			msgs = append(msgs, nil)
		}
	}
	last := len(msgs) - 1
	msgs[last] = append(msgs[last], loadPart{sql: loadLockCountSQL, index: -1}, loadPart{sql: "COMMIT", index: -1})
	return msgs
}

// loadText joins parts into one message; a statement never ends in a
// comment (the splitter trims it), so ";" and a newline end each.
func loadText(parts []loadPart) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.sql)
		b.WriteString(";\n")
	}
	return b.String()
}

// sendTx runs stmts in one transaction, message by message, on the
// batcher's connection, and returns the locks held before the commit (-1
// when the count could not be read).
// A refusal is a *LoadError naming the statement; the transaction is
// then rolled back.
func (b *loadBatcher) sendTx(ctx context.Context, stmts []loadStmt) (locks float64, err error) {
	rawErr := b.conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn().PgConn()
		msgs := loadMessages(stmts)
		for k, parts := range msgs {
			results, rerr := pc.Exec(ctx, loadText(parts)).ReadAll()
			failed := len(results) // the answers of those that ran
			for i, r := range results {
				if r.Err != nil {
					failed, rerr = i, r.Err
					break
				}
			}
			if rerr != nil {
				err = b.refusal(stmts, parts, failed, rerr)
				return loadRollback(ctx, pc)
			}
			if k == len(msgs)-1 {
				// Committed: an unreadable count must not fail the batch,
				// whose statements would then run again.
				locks = loadLockCount(results[len(results)-2])
			}
		}
		return nil
	})
	if err == nil && rawErr != nil {
		err = rawErr
	}
	return locks, err
}

// refusal is the error of the statement at parts[failed], a *LoadError
// when it is one of the files'.
func (b *loadBatcher) refusal(stmts []loadStmt, parts []loadPart, failed int, err error) error {
	if failed >= len(parts) || parts[failed].index < 0 {
		return err
	}
	s := stmts[parts[failed].index]
	return &dialect.LoadError{File: s.file, Line: s.Line, SQL: s.SQL, Msg: b.d.DescribeError(err), Err: err}
}

// loadRollback ends the failed transaction, also once ctx has ended (a
// cancelled load); a connection that cannot is dropped from the pool.
func loadRollback(ctx context.Context, pc *pgconn.PgConn) error {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), dialect.CancelWait)
	defer cancel()
	if _, err := pc.Exec(rctx, "ROLLBACK").ReadAll(); err != nil {
		return driver.ErrBadConn
	}
	return nil
}

// loadLockCount reads the lock count's answer; -1 when it cannot.
func loadLockCount(r *pgconn.Result) float64 {
	if len(r.Rows) != 1 || len(r.Rows[0]) != 1 {
		return -1
	}
	n, err := strconv.ParseFloat(string(r.Rows[0][0]), 64)
	if err != nil {
		return -1
	}
	return n
}
