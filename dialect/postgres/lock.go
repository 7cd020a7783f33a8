package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// lockKey is the advisory lock key: a constant derived from "retort".
// Advisory locks are per database, so migrations of two databases on one
// server do not wait for each other.
var lockKey = func() int64 {
	h := fnv.New64a()
	h.Write([]byte("retort"))
	return int64(h.Sum64())
}()

// Lock implements dialect.Dialect with a session advisory lock, which
// belongs to the connection: unlock runs on the same conn. It polls
// pg_try_advisory_lock rather than blocking in pg_advisory_lock, so the
// wait can report who holds the lock and give up after opts.Timeout.
func (Dialect) Lock(ctx context.Context, conn *sql.Conn, opts dialect.LockOptions) (func() error, error) {
	try := func(ctx context.Context) (bool, error) {
		var ok bool
		if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", lockKey).Scan(&ok); err != nil {
			return false, fmt.Errorf("taking the migration lock (pg_try_advisory_lock) failed: %w", err)
		}
		return ok, nil
	}
	if err := dialect.AwaitLock(ctx, opts, try, func(ctx context.Context) string { return lockHolder(ctx, conn) }); err != nil {
		return nil, err
	}
	return func() error {
		var ok bool
		if err := conn.QueryRowContext(context.Background(), "SELECT pg_advisory_unlock($1)", lockKey).Scan(&ok); err != nil {
			return fmt.Errorf("release the migration lock (pg_advisory_unlock): %w", err)
		}
		if !ok {
			return fmt.Errorf("release the migration lock: this session did not hold it")
		}
		return nil
	}, nil
}

// holderSQL finds the session holding lockKey in this database. pg_locks
// shows a bigint advisory key as classid (high 32 bits), objid (low 32
// bits) and objsubid 1.
const holderSQL = `SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
	coalesce(host(a.client_addr), ''), coalesce(a.state, ''),
	a.backend_start, a.xact_start, a.state_change, coalesce(a.query, '')
FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
	AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid
	AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
LIMIT 1`

// lockHolder describes the session holding the migration lock, "" when
// none does any more.
func lockHolder(ctx context.Context, conn *sql.Conn) string {
	var (
		pid                       int64
		app, user, addr, state, q string
		started, xact, changed    sql.NullTime
	)
	k := uint64(lockKey)
	err := conn.QueryRowContext(ctx, holderSQL, int64(k>>32), int64(k&0xffffffff)).
		Scan(&pid, &app, &user, &addr, &state, &started, &xact, &changed, &q)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return ""
	case err != nil:
		return fmt.Sprintf("another session (looking it up in pg_locks failed: %v)", err)
	}
	var who []string
	for _, s := range []string{app, "user " + user, addr} {
		if s != "" && s != "user " {
			who = append(who, s)
		}
	}
	if addr == "" && user != "" {
		who = append(who, "local socket")
	}
	head := fmt.Sprintf("pid %d", pid)
	if len(who) > 0 {
		head += " (" + strings.Join(who, ", ") + ")"
	}
	parts := []string{head}
	if started.Valid {
		parts = append(parts, "connected since "+dialect.HolderTime(started.Time))
	}
	if xact.Valid {
		parts = append(parts, "in a transaction since "+dialect.HolderTime(xact.Time))
	}
	if state != "" && changed.Valid {
		parts = append(parts, state+" since "+dialect.HolderTime(changed.Time))
	}
	if q = dialect.HolderQuery(q); q != "" {
		if state == "active" {
			parts = append(parts, "running: "+q)
		} else {
			parts = append(parts, "last query: "+q)
		}
	}
	return strings.Join(parts, ", ")
}
