package mysql

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.Canceller = Dialect{}

// WatchCancel implements dialect.Canceller with KILL QUERY. The driver
// closes the socket when ctx ends mid-statement; the server thread then
// runs on until KILL QUERY stops it, and ends when it finds the socket
// closed.
func (Dialect) WatchCancel(ctx context.Context, db *sql.DB, conn *sql.Conn) (func() error, error) {
	var t thread
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&t.id); err != nil {
		return nil, fmt.Errorf("reading the session's connection id (to cancel its statements on interrupt) failed: %w", err)
	}
	return dialect.WatchSession(ctx, db, conn, t), nil
}

// thread is one server connection, seen in information_schema.PROCESSLIST.
type thread struct{ id int64 }

// Cancel sends KILL QUERY only while the thread runs a statement, so it
// does not hit one the runner starts afterwards (ROLLBACK, the unlock).
func (t thread) Cancel(ctx context.Context, db *sql.DB) error {
	running, err := t.Running(ctx, db)
	if err != nil || !running {
		return err
	}
	_, err = db.ExecContext(ctx, fmt.Sprintf("KILL QUERY %d", t.id))
	return err
}

func (t thread) Running(ctx context.Context, db *sql.DB) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query'", t.id).Scan(&n)
	return n > 0, err
}

func (t thread) Alive(ctx context.Context, db *sql.DB) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", t.id).Scan(&n)
	return n > 0, err
}
