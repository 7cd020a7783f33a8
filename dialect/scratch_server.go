package dialect

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// ScratchWait bounds the CREATE and DROP of a scratch database on a
// server once the caller's context no longer does.
const ScratchWait = 30 * time.Second

// CreateScratch runs create, the CREATE DATABASE of a scratch database,
// to its end even if ctx is cancelled meanwhile: the server may carry out
// a cancelled one anyway (a driver may only drop the connection), and
// only its reply tells, so the caller's drop would otherwise miss it. It
// takes well under a second. It returns ctx's error if ctx has ended.
func CreateScratch(ctx context.Context, admin *sql.DB, create string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ScratchWait)
	defer cancel()
	if _, err := admin.ExecContext(cctx, create); err != nil {
		return err
	}
	return ctx.Err()
}

// StaleScratch runs query, which lists databases and takes ScratchLike as
// its one parameter, and keeps the names ScratchStale calls stale. Best
// effort, as the sweep it serves: a failure lists none.
func StaleScratch(ctx context.Context, q Querier, query string) []string {
	rows, err := q.QueryContext(ctx, query, ScratchLike)
	if err != nil {
		return nil
	}
	defer rows.Close()
	now := time.Now()
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil && ScratchStale(name, now) {
			stale = append(stale, name)
		}
	}
	return stale
}

// ScratchLike is the LIKE pattern (backslash escapes) of the names
// ScratchName gives.
var ScratchLike = strings.ReplaceAll(ScratchPrefix, "_", `\_`) + "%"
