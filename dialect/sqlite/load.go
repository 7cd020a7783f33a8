package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// LoadDesired implements dialect.Dialect: it runs the files statement by
// statement in a scratch database and reflects the result. devURL "" is a
// private in-memory database; otherwise it must be a sqlite:// URL.
func (d Dialect) LoadDesired(ctx context.Context, target *url.URL, devURL string, files []dialect.SourceFile) (*schema.Schema, error) {
	u := &url.URL{Scheme: "sqlite", Path: openMemory}
	if devURL != "" {
		// Parsed here rather than through the registry, which need not
		// hold this dialect yet when the library is used on its own.
		scheme, rest, _ := strings.Cut(devURL, "://")
		path, query, _ := strings.Cut(rest, "?")
		if !strings.EqualFold(scheme, "sqlite") && !strings.EqualFold(scheme, "sqlite3") || path == "" {
			return nil, fmt.Errorf("dev_url %q is not an SQLite database; an SQLite schema needs an sqlite:// dev_url", dialect.Redact(devURL, dialect.Secrets(devURL)...))
		}
		u = &url.URL{Scheme: "sqlite", Path: path, RawQuery: query}
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// One connection: the statements and the reflection see the same
	// database even when it is :memory:.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connecting to scratch SQLite database %s: %w", u.Path, err)
	}
	defer conn.Close()
	if devURL != "" {
		// A file dev_url must start empty, and is left empty for the next
		// run: otherwise leftovers would pass for desired objects.
		if err := loadCheckEmpty(ctx, conn, u.Path); err != nil {
			return nil, err
		}
		defer loadClear(context.WithoutCancel(ctx), conn)
	}
	for _, f := range files {
		if err := dialect.ExecFile(ctx, d, loadConn{conn}, f); err != nil {
			return nil, err
		}
	}
	// .dump writes a virtual table straight into sqlite_schema (PRAGMA
	// writable_schema): the connection knows it, and its shadow tables
	// as such, only once it reads its schema again.
	if _, err := conn.ExecContext(ctx, "PRAGMA writable_schema = RESET"); err != nil {
		return nil, fmt.Errorf("reading the loaded schema again: %w", err)
	}
	return d.Reflect(ctx, conn)
}

func loadCheckEmpty(ctx context.Context, conn *sql.Conn, path string) error {
	var n int
	err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`).Scan(&n)
	if err != nil {
		return fmt.Errorf("checking dev_url database %s: %w", path, err)
	}
	if n > 0 {
		return fmt.Errorf("dev_url database %s is not empty (%d objects); retort needs a scratch database it may fill and clear", path, n)
	}
	return nil
}

// loadClear drops everything the schema files created. Foreign keys go off
// first (outside any transaction, where the pragma works) so no drop cascades
// or fails on order.
func loadClear(ctx context.Context, conn *sql.Conn) {
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return
	}
	rows, err := conn.QueryContext(ctx, `SELECT type, name FROM sqlite_master
WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return
	}
	var drops []string
	for rows.Next() {
		var typ, name string
		if rows.Scan(&typ, &name) == nil {
			drops = append(drops, "DROP "+strings.ToUpper(typ)+" IF EXISTS "+Dialect{}.Quote(name))
		}
	}
	rows.Close()
	for _, s := range drops {
		conn.ExecContext(ctx, s) // best effort: a shadow table may already be gone
	}
	conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`)
}
