package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// lockExpr names the migration lock. GET_LOCK names are server-wide, so
// the name carries the database: migrations of two databases on one
// server do not wait for each other (names are capped at 64 characters).
const lockExpr = "LEFT(CONCAT('retort:', COALESCE(DATABASE(), '')), 64)"

// Lock implements dialect.Dialect with GET_LOCK, which belongs to the
// connection: unlock must run on the same conn. It polls GET_LOCK with
// no wait rather than waiting inside it, so the wait can report who holds
// the lock and honours ctx.
func (Dialect) Lock(ctx context.Context, conn *sql.Conn, opts dialect.LockOptions) (func() error, error) {
	try := func(ctx context.Context) (bool, error) {
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK("+lockExpr+", 0)").Scan(&got); err != nil {
			return false, fmt.Errorf("taking the migration lock (GET_LOCK) failed: %w", err)
		}
		if !got.Valid {
			return false, errors.New("taking the migration lock failed: GET_LOCK returned NULL (server error)")
		}
		return got.Int64 == 1, nil
	}
	if err := dialect.AwaitLock(ctx, opts, try, func(ctx context.Context) string { return lockHolder(ctx, conn) }); err != nil {
		return nil, err
	}
	return func() error {
		if _, err := conn.ExecContext(context.Background(), "DO RELEASE_LOCK("+lockExpr+")"); err != nil {
			return fmt.Errorf("release the migration lock: %w", err)
		}
		return nil
	}, nil
}

// lockHolder describes the connection holding the migration lock, "" when
// none does any more. Without the PROCESS privilege other users'
// connections are missing from the process list; then only the id shows.
func lockHolder(ctx context.Context, conn *sql.Conn) string {
	var id sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT IS_USED_LOCK("+lockExpr+")").Scan(&id); err != nil {
		return fmt.Sprintf("another connection (IS_USED_LOCK failed: %v)", err)
	}
	if !id.Valid {
		return ""
	}
	head := fmt.Sprintf("connection %d", id.Int64)
	var (
		user, host, command string
		secs                sql.NullInt64
		state, info         sql.NullString
	)
	err := conn.QueryRowContext(ctx, `SELECT USER, HOST, COMMAND, TIME, STATE, INFO
		FROM information_schema.PROCESSLIST WHERE ID = ?`, id.Int64).
		Scan(&user, &host, &command, &secs, &state, &info)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return head
	case err != nil:
		return fmt.Sprintf("%s (reading information_schema.PROCESSLIST failed: %v)", head, err)
	}
	parts := []string{fmt.Sprintf("%s (%s@%s)", head, user, host)}
	if secs.Valid {
		since := time.Now().Add(-time.Duration(secs.Int64) * time.Second)
		if command == "Sleep" {
			command = "idle"
		}
		parts = append(parts, fmt.Sprintf("%s since %s", command, dialect.HolderTime(since)))
	}
	if state.String != "" {
		parts = append(parts, "state "+state.String)
	}
	if q := dialect.HolderQuery(info.String); q != "" {
		parts = append(parts, "running: "+q)
	}
	return strings.Join(parts, ", ")
}
