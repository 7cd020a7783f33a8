package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// LoadDesired implements dialect.Dialect. With devURL "" it removes the
// stale scratch databases killed loads left, creates one named by
// dialect.ScratchName on the target's server, makes the schemas the
// target's search_path names, loads the files, reflects with the target's
// search path and always drops the database. With a devURL it loads into
// that database, which must be empty, inside a transaction it rolls back,
// so the database stays empty.
func (d Dialect) LoadDesired(ctx context.Context, target *url.URL, devURL string, files []dialect.SourceFile) (*schema.Schema, error) {
	if devURL != "" {
		u, err := url.Parse(devURL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("dev database URL %q is not a postgres://host/db URL", dialect.Redact(devURL, dialect.Secrets(devURL)...))
		}
		return d.loadDev(ctx, u, files)
	}
	if target == nil {
		return nil, fmt.Errorf("load desired PostgreSQL schema: no target database URL to find the server for the scratch database, and no dev URL")
	}
	admin, err := d.Open(ctx, target)
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	d.loadScratchSweep(ctx, admin)
	name := loadScratchName()
	// Deferred before CREATE: a cancelled CREATE may still have happened.
	defer d.loadScratchDrop(ctx, admin, name)
	if err := dialect.CreateScratch(ctx, admin, "CREATE DATABASE "+d.Quote(name)); err != nil {
		return nil, fmt.Errorf("create scratch database %s on %s: %w", name, dialect.RedactURL(target), err)
	}
	dev := *target
	dev.Path = "/" + name
	db, err := d.Open(ctx, &dev)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to scratch database %s: %w", name, err)
	}
	defer conn.Close()
	schemas, err := loadLiveSchemas(ctx, admin, target)
	if err != nil {
		return nil, err
	}
	stmts, err := d.loadSplit(files)
	if err != nil {
		return nil, err
	}
	created := loadCreatedSchemas(stmts)
	for _, s := range schemas {
		if created[s] {
			continue // the files create it; CREATE SCHEMA would fail on ours
		}
		if _, err := conn.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+d.Quote(s)); err != nil {
			return nil, fmt.Errorf("create schema %s of the search path in scratch database %s: %w", s, name, err)
		}
	}
	before, err := loadOutside(ctx, conn)
	if err != nil {
		return nil, err
	}
	if err := d.loadBatched(ctx, conn, stmts); err != nil {
		return nil, err
	}
	if err := d.loadCheckScope(ctx, conn, before, files); err != nil {
		return nil, err
	}
	return d.Reflect(ctx, conn)
}

// loadDev loads into a database the user provides, in a transaction that
// is always rolled back (PostgreSQL DDL is transactional).
func (d Dialect) loadDev(ctx context.Context, u *url.URL, files []dialect.SourceFile) (*schema.Schema, error) {
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin loading into dev database %s: %w", dialect.RedactURL(u), err)
	}
	defer tx.Rollback()
	before, err := d.Reflect(ctx, tx)
	if err != nil {
		return nil, err
	}
	if n := len(before.Tables) + len(before.Views) + len(before.Enums) + len(before.Objects); n > 0 {
		return nil, fmt.Errorf("dev database %s is not empty (%d tables, views, types or other objects in its search path); retort needs an empty one", dialect.RedactURL(u), n)
	}
	outside, err := loadOutside(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := dialect.ExecFile(ctx, d, tx, f); err != nil {
			return nil, err
		}
	}
	if err := d.loadCheckScope(ctx, tx, outside, files); err != nil {
		return nil, err
	}
	return d.Reflect(ctx, tx)
}

// loadCheckScope refuses what the files created off the search path,
// which reflection would leave out unseen.
func (d Dialect) loadCheckScope(ctx context.Context, q dialect.Querier, before []outsideObject, files []dialect.SourceFile) error {
	after, err := loadOutside(ctx, q)
	if err != nil {
		return err
	}
	var path []string
	if err := q.QueryRowContext(ctx, `SELECT current_schemas(false)::text[]`).Scan(pgtype.NewMap().SQLScanner(&path)); err != nil {
		return fmt.Errorf("read the search path: %w", err)
	}
	return loadOutsideError(before, after, path, files, d)
}

// loadLiveSchemas lists the schemas the scratch database needs so its
// search path resolves like the target's: those of the target's effective
// search path (a "$user" schema included) and those its URL names.
func loadLiveSchemas(ctx context.Context, admin *sql.DB, target *url.URL) ([]string, error) {
	rows, err := admin.QueryContext(ctx, `SELECT s FROM unnest(current_schemas(false)) s
WHERE s NOT IN ('pg_catalog', 'information_schema') AND s NOT LIKE 'pg\_%'`)
	if err != nil {
		return nil, fmt.Errorf("read the search path of %s: %w", dialect.RedactURL(target), err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("read the search path of %s: %w", dialect.RedactURL(target), err)
		}
		seen[s] = true
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the search path of %s: %w", dialect.RedactURL(target), err)
	}
	for _, s := range loadSearchPath(target) {
		if !seen[s] {
			out = append(out, s)
		}
	}
	return out, nil
}

// loadSearchPath lists the schemas a URL's search_path names, leaving out
// "$user" and the system schemas.
func loadSearchPath(u *url.URL) []string {
	var out []string
	for _, s := range strings.Split(u.Query().Get("search_path"), ",") {
		s = strings.TrimSpace(s)
		if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
			s = strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
		} else {
			s = strings.ToLower(s)
		}
		if s == "" || s == "$user" || s == "pg_catalog" || s == "information_schema" || strings.HasPrefix(s, "pg_") {
			continue
		}
		out = append(out, s)
	}
	return out
}

var _ dialect.Querier = (*sql.Conn)(nil)
