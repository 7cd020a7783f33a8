package mysql

import (
	"context"
	"database/sql"
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
	if err := dialect.CreateScratch(ctx, admin, "CREATE DATABASE "+quote(name)); err != nil {
		return nil, fmt.Errorf("create scratch database %s on %s: %w", name, dialect.RedactURL(&server), err)
	}
	dev := server
	dev.Path = "/" + name
	return d.loadInto(ctx, &dev, files, true)
}

// loadInto runs the files on one connection to u's database and reflects
// it. A database retort did not create must start empty and is emptied
// again, so the next load starts clean.
func (d Dialect) loadInto(ctx context.Context, u *url.URL, files []dialect.SourceFile, scratch bool) (*schema.Schema, error) {
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", dialect.RedactURL(u), err)
	}
	defer conn.Close()
	if !scratch {
		before, err := d.Reflect(ctx, conn)
		if err != nil {
			return nil, err
		}
		if len(before.Tables)+len(before.Views) > 0 {
			return nil, fmt.Errorf("dev database %s is not empty; retort loads the desired schema into it and needs it empty", dialect.RedactURL(u))
		}
		defer emptyDatabase(conn)
	}
	return dialect.LoadFiles(ctx, d, conn, files)
}

// emptyDatabase drops every view and table of the connection's database.
func emptyDatabase(conn *sql.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
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
}
