package postgres

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// loadScratchName names a scratch database; a variable so tests can watch
// the drop.
var loadScratchName = func() string { return dialect.ScratchName(time.Now()) }

// loadScratchWait bounds the CREATE and DROP of a scratch database once
// the caller's context no longer does.
const loadScratchWait = 30 * time.Second

// loadScratchCreate creates the scratch database. CREATE DATABASE runs to
// its end even if ctx is cancelled meanwhile: the server may carry out a
// cancelled one anyway, and only its reply tells, so the caller's drop
// would otherwise miss it. It takes well under a second.
func (d Dialect) loadScratchCreate(ctx context.Context, admin *sql.DB, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), loadScratchWait)
	defer cancel()
	if _, err := admin.ExecContext(cctx, "CREATE DATABASE "+d.Quote(name)); err != nil {
		return err
	}
	return ctx.Err()
}

// loadScratchDrop drops the scratch database, also when ctx is done or
// CREATE DATABASE failed; FORCE ends a statement of the load still running
// on the server after a cancellation.
func (d Dialect) loadScratchDrop(ctx context.Context, admin *sql.DB, name string) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), loadScratchWait)
	defer cancel()
	_, _ = admin.ExecContext(dctx, "DROP DATABASE IF EXISTS "+d.Quote(name)+" WITH (FORCE)")
}

// loadScratchSweep drops the scratch databases that killed loads left
// behind: named more than dialect.ScratchStaleAfter ago and with no
// session. DROP without FORCE refuses one that somebody connected to
// meanwhile. Best effort: a failure must not fail the load.
func (d Dialect) loadScratchSweep(ctx context.Context, admin *sql.DB) {
	rows, err := admin.QueryContext(ctx, `SELECT d.datname FROM pg_database d
WHERE d.datname LIKE $1 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)`,
		strings.ReplaceAll(dialect.ScratchPrefix, "_", `\_`)+"%")
	if err != nil {
		return
	}
	now := time.Now()
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil && dialect.ScratchStale(name, now) {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		_, _ = admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+d.Quote(name))
	}
}
