package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// LoadDesired implements dialect.Dialect. With devURL "" it removes the
// stale scratch databases killed loads left, creates one named by
// dialect.ScratchName on the target's server and always drops it;
// otherwise it loads into devURL's database, which must be empty, and
// empties it again afterwards.
func (d Dialect) LoadDesired(ctx context.Context, target *url.URL, devURL string, files []dialect.SourceFile) (*schema.Schema, error) {
	if devURL != "" {
		u, err := url.Parse(devURL)
		if err != nil {
			return nil, fmt.Errorf("dev database URL %q is malformed", dialect.Redact(devURL, dialect.Secrets(devURL)...))
		}
		return d.loadInto(ctx, u, files, false)
	}
	server := *target
	server.Path = "/"
	admin, err := d.Open(ctx, &server)
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	scratchSweep(ctx, admin)
	name := newScratchName()
	// Deferred before CREATE: a cancelled CREATE may still have happened.
	defer scratchDrop(ctx, admin, name)
	if err := dialect.CreateScratch(ctx, admin, "CREATE DATABASE "+quote(name)+targetDefaults(ctx, admin, target)); err != nil {
		return nil, fmt.Errorf("create scratch database %s on %s: %w", name, dialect.RedactURL(&server), err)
	}
	dev := server
	dev.Path = "/" + name
	return d.loadInto(ctx, &dev, files, true)
}

// loadInto runs the files on one session of u's database and reflects
// it on another. A database retort did not create must start empty and
// is emptied again, so the next load starts clean.
func (d Dialect) loadInto(ctx context.Context, u *url.URL, files []dialect.SourceFile, scratch bool) (*schema.Schema, error) {
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if !scratch {
		if err := requireEmpty(ctx, d, db, u); err != nil {
			return nil, err
		}
		defer emptyDatabase(db)
	}
	if err := runFiles(ctx, d, db, u, files); err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", dialect.RedactURL(u), err)
	}
	defer conn.Close()
	return d.Reflect(ctx, conn)
}

// runFiles runs the files on a session of their own and closes it.
// Dumps change their session (sql_mode, time_zone, SET NAMES) and a
// file may leave it changed: ANSI_QUOTES or sql_quote_show_create
// rewrite what SHOW CREATE and information_schema say, time_zone the
// TIMESTAMP defaults, character_set_results the text. Nothing after
// the files may run in that session, nor get it back from the pool.
func runFiles(ctx context.Context, d Dialect, db *sql.DB, u *url.URL, files []dialect.SourceFile) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", dialect.RedactURL(u), err)
	}
	defer conn.Raw(func(any) error { return driver.ErrBadConn }) // discards the session
	for _, f := range files {
		if err := dialect.ExecFile(ctx, d, loadConn{conn}, f); err != nil {
			return err
		}
	}
	return nil
}

// requireEmpty refuses a dev database that holds anything.
func requireEmpty(ctx context.Context, d Dialect, db *sql.DB, u *url.URL) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", dialect.RedactURL(u), err)
	}
	defer conn.Close()
	before, err := d.Reflect(ctx, conn)
	if err != nil {
		return err
	}
	if len(before.Tables)+len(before.Views)+len(before.Objects) > 0 {
		return fmt.Errorf("dev database %s is not empty; retort loads the desired schema into it and needs it empty", dialect.RedactURL(u))
	}
	return nil
}

// emptyDatabase drops every view, table, event and routine of db's
// database, on a session of its own.
func emptyDatabase(db *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	s, err := (Dialect{}).Reflect(ctx, conn)
	if err != nil {
		return
	}
	_, _ = conn.ExecContext(ctx, "SET FOREIGN_KEY_CHECKS = 0")
	defer conn.ExecContext(ctx, "SET FOREIGN_KEY_CHECKS = 1")
	for _, v := range s.Views {
		_, _ = conn.ExecContext(ctx, "DROP VIEW IF EXISTS "+quote(v.Name))
	}
	for _, t := range s.Tables {
		_, _ = conn.ExecContext(ctx, "DROP TABLE IF EXISTS "+quote(t.Name))
	}
	for _, o := range s.Objects {
		for _, d := range o.Drop {
			_, _ = conn.ExecContext(ctx, d)
		}
	}
}
