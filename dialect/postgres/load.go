package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

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
	setting, schemas, err := loadLiveSchemas(ctx, admin, target)
	if err != nil {
		return nil, err
	}
	// Every session of the scratch database starts with the target's
	// search path, and RESET ALL returns to it.
	dev := *target
	dev.Path = "/" + name
	db, err := open(ctx, &dev, map[string]string{"search_path": setting})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to scratch database %s: %w", name, err)
	}
	defer conn.Close()
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
	if err := loadResetSession(ctx, conn); err != nil {
		return nil, err
	}
	if err := d.loadCheckScope(ctx, conn, before, files); err != nil {
		return nil, err
	}
	// Back to the pool, for the reflection to take with a second one.
	conn.Close()
	return d.Reflect(ctx, db)
}

// loadResetSession undoes what the files set on their session (pg_dump
// empties the search path; quote_all_identifiers changes how the server
// prints expressions; another role may not use a schema, or be the
// "$user" of the search path), so the scope check and the reflection
// read the loaded schema as the target's sessions read theirs.
func loadResetSession(ctx context.Context, q dialect.Querier) error {
	if _, err := q.ExecContext(ctx, "RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL"); err != nil {
		return fmt.Errorf("reset the settings the schema files changed: %w", err)
	}
	return nil
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
	if n := len(before.Tables) + len(before.Views) + len(before.Enums) + len(loadDevObjects(before)); n > 0 {
		return nil, fmt.Errorf("dev database %s is not empty (%d tables, views, types or other objects in its search path); retort needs an empty one", dialect.RedactURL(u), n)
	}
	if err := d.loadDevSchemas(ctx, tx, files); err != nil {
		return nil, err
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
	if err := loadResetSession(ctx, tx); err != nil {
		return nil, err
	}
	if err := d.loadCheckScope(ctx, tx, outside, files); err != nil {
		return nil, err
	}
	return d.Reflect(ctx, tx)
}

// loadDevSchemas creates, in the transaction rolled back, the schemas of
// the dev database's search path that it lacks and the files do not
// create, as the scratch load does: else the desired schema would lack
// them and put its tables in the next schema, as the live database
// does, and the two would agree on the misplacement.
func (d Dialect) loadDevSchemas(ctx context.Context, tx *sql.Tx, files []dialect.SourceFile) error {
	stmts, err := d.loadSplit(files)
	if err != nil {
		return err
	}
	created := loadCreatedSchemas(stmts)
	var setting, user string
	var effective []string
	if err := tx.QueryRowContext(ctx, `SELECT `+searchPathColumns).Scan(&setting, &user, textArray{&effective}); err != nil {
		return fmt.Errorf("read the search path of the dev database: %w", err)
	}
	p := newSearchPath(setting, user, effective)
	for _, s := range p.schemas {
		if p.exists[s] || created[s] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "CREATE SCHEMA "+d.Quote(s)); err != nil {
			return fmt.Errorf("create schema %s of the search path in the dev database (rolled back): %w", s, err)
		}
	}
	return nil
}

// loadDevObjects are the SQL objects of a dev database's reflection
// that make it not empty: its search path's schemas do not.
func loadDevObjects(s *schema.Schema) []*schema.SQLObject {
	var out []*schema.SQLObject
	for _, o := range s.Objects {
		if o.Kind != "schema" {
			out = append(out, o)
		}
	}
	return out
}

// loadCheckScope refuses what the files created off the search path,
// which reflection would leave out unseen.
func (d Dialect) loadCheckScope(ctx context.Context, q dialect.Querier, before []outsideObject, files []dialect.SourceFile) error {
	after, err := loadOutside(ctx, q)
	if err != nil {
		return err
	}
	var path []string
	if err := q.QueryRowContext(ctx, `SELECT current_schemas(false)::text[]`).Scan(textArray{&path}); err != nil {
		return fmt.Errorf("read the search path: %w", err)
	}
	return loadOutsideError(before, after, path, files, d)
}

// loadLiveSchemas lists the schemas the scratch database needs so its
// search path resolves as the target's is meant to: every schema of the
// target's search path as configured (the admin session is opened with
// the target's URL, so its setting holds the URL's search_path), those
// the target lacks included (the desired schema then has them, so the
// upgrade creates them). setting is that search_path, which the scratch
// session takes: a database's setting does not carry over.
func loadLiveSchemas(ctx context.Context, admin *sql.DB, target *url.URL) (setting string, schemas []string, err error) {
	var user string
	var effective []string
	if err := admin.QueryRowContext(ctx, `SELECT `+searchPathColumns).Scan(&setting, &user, textArray{&effective}); err != nil {
		return "", nil, fmt.Errorf("read the search path of %s: %w", dialect.RedactURL(target), err)
	}
	return setting, newSearchPath(setting, user, effective).schemas, nil
}

var _ dialect.Querier = (*sql.Conn)(nil)
