package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"

	"github.com/retortdb/retort/dialect"
)

// cancelRequest makes pgx answer an ended context with a cancel request
// (pgx's default only closes the socket, which the server does not notice
// while it works), so the connection survives for the ROLLBACK; pgx
// closes the socket only if the server has not answered in time.
func cancelRequest(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: dialect.CancelWait}
}

var _ dialect.Canceller = Dialect{}

// WatchCancel implements dialect.Canceller with pg_cancel_backend.
func (Dialect) WatchCancel(ctx context.Context, db *sql.DB, conn *sql.Conn) (func() error, error) {
	b := &backend{}
	if err := conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&b.pid); err != nil {
		return nil, fmt.Errorf("reading the session's backend pid (to cancel its statements on interrupt) failed: %w", err)
	}
	return dialect.WatchSession(ctx, db, conn, b), nil
}

// backend is one server process, seen in pg_stat_activity.
type backend struct {
	pid int64
	// at is the server's time of the cancel: a statement that started
	// later (the runner's ROLLBACK) is not the one cancelled.
	at time.Time
}

// Cancel cancels only a statement that started before this query, so it
// does not hit the ROLLBACK that follows one pgx cancelled already.
func (b *backend) Cancel(ctx context.Context, db *sql.DB) error {
	var sent bool
	return db.QueryRowContext(ctx, `SELECT statement_timestamp(), coalesce((
  SELECT pg_cancel_backend(pid) FROM pg_stat_activity
  WHERE pid = $1 AND state = 'active' AND query_start < statement_timestamp()), false)`, b.pid).Scan(&b.at, &sent)
}

func (b *backend) Running(ctx context.Context, db *sql.DB) (bool, error) {
	var running bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
  WHERE pid = $1 AND state = 'active' AND query_start < $2)`, b.pid, b.at).Scan(&running)
	return running, err
}

func (b *backend) Alive(ctx context.Context, db *sql.DB) (bool, error) {
	var alive bool
	err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)", b.pid).Scan(&alive)
	return alive, err
}
