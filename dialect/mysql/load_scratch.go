package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
)

// newScratchName names a scratch database; tests wrap it to watch the drop.
var newScratchName = func() string { return dialect.ScratchName(time.Now()) }

// scratchDrop drops the scratch database, also when ctx is done or CREATE
// DATABASE failed. It first kills the sessions still in it: after a
// cancellation the server goes on with the load's last statement, whose
// table locks the DROP would wait for.
func scratchDrop(ctx context.Context, admin *sql.DB, name string) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), dialect.ScratchWait)
	defer cancel()
	conn, err := admin.Conn(dctx)
	if err != nil {
		return
	}
	defer conn.Close()
	for _, id := range scratchSessions(dctx, conn, name) {
		_, _ = conn.ExecContext(dctx, fmt.Sprintf("KILL %d", id))
	}
	_, _ = conn.ExecContext(dctx, "DROP DATABASE IF EXISTS "+quote(name))
}

// scratchSessions lists the other sessions whose current database is name.
func scratchSessions(ctx context.Context, conn *sql.Conn, name string) []int64 {
	rows, err := conn.QueryContext(ctx, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", name)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// scratchSweep drops the scratch databases that killed loads left behind:
// named more than dialect.ScratchStaleAfter ago and no session's current
// database (a user without the PROCESS privilege sees only their own
// sessions; the age is the main safeguard). A short lock wait keeps a DROP
// from waiting on a table somebody still uses. Best effort: a failure must
// not fail the load.
func scratchSweep(ctx context.Context, admin *sql.DB) {
	conn, err := admin.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	stale := dialect.StaleScratch(ctx, conn, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME LIKE ? AND SCHEMA_NAME NOT IN (SELECT DB FROM information_schema.PROCESSLIST WHERE DB IS NOT NULL)`)
	if len(stale) == 0 {
		return
	}
	if _, err := conn.ExecContext(ctx, "SET SESSION lock_wait_timeout = 2"); err != nil {
		return
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SET SESSION lock_wait_timeout = DEFAULT")
	for _, name := range stale {
		_, _ = conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quote(name))
	}
}
