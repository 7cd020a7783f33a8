package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/retortdb/retort/dialect"
)

// loadScratchName names a scratch database; a variable so tests can watch
// the drop.
var loadScratchName = func() string { return dialect.ScratchName(time.Now()) }

// loadScratchDrop drops the scratch database, also when ctx is done or
// CREATE DATABASE failed; FORCE ends a statement of the load still running
// on the server after a cancellation.
func (d Dialect) loadScratchDrop(ctx context.Context, admin *sql.DB, name string) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), dialect.ScratchWait)
	defer cancel()
	_, _ = admin.ExecContext(dctx, "DROP DATABASE IF EXISTS "+d.Quote(name)+" WITH (FORCE)")
}

// loadScratchSweep drops the scratch databases that killed loads left
// behind: named more than dialect.ScratchStaleAfter ago and with no
// session. DROP without FORCE refuses one that somebody connected to
// meanwhile. Best effort: a failure must not fail the load.
func (d Dialect) loadScratchSweep(ctx context.Context, admin *sql.DB) {
	stale := dialect.StaleScratch(ctx, admin, `SELECT d.datname FROM pg_database d
WHERE d.datname LIKE $1 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)`)
	for _, name := range stale {
		_, _ = admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+d.Quote(name))
	}
}
