package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
	"github.com/retortdb/retort/sqlsplit"
)

// LoadDesired implements dialect.Dialect: it runs the files statement by
// statement in a scratch database and reflects the result. devURL "" is a
// private in-memory database; otherwise it must be a sqlite:// URL.
func (d Dialect) LoadDesired(ctx context.Context, target *url.URL, devURL string, files []dialect.SourceFile) (*schema.Schema, error) {
	u := &url.URL{Scheme: "sqlite", Path: openMemory}
	if devURL != "" {
		pu, dd, err := dialect.ParseURL(devURL)
		if err != nil {
			return nil, fmt.Errorf("dev_url: %w", err)
		}
		if dd.Name() != d.Name() {
			return nil, fmt.Errorf("dev_url %s is a %s database; an SQLite schema needs an sqlite:// dev_url", dialect.Redact(devURL), dd.Name())
		}
		u = pu
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
	for _, f := range files {
		if err := loadFile(ctx, conn, f); err != nil {
			return nil, err
		}
	}
	return d.Reflect(ctx, conn)
}

// loadFile runs one schema file; an error names the file and the line where
// the failing statement starts, then shows the statement.
func loadFile(ctx context.Context, conn *sql.Conn, f dialect.SourceFile) error {
	stmts, err := sqlsplit.SplitWith(f.SQL, sqlsplit.SQLite)
	if err != nil {
		var se *sqlsplit.Error
		if errors.As(err, &se) {
			return fmt.Errorf("%s:%d: %s", f.Name, se.Line, se.Msg)
		}
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil {
			return &LoadError{File: f.Name, Line: s.Line, SQL: s.SQL, Err: err}
		}
	}
	return nil
}

// LoadError is a schema-file statement the scratch database refused.
type LoadError struct {
	File string
	Line int
	SQL  string
	Err  error
}

func (e *LoadError) Error() string {
	return fmt.Sprintf("%s:%d: %v\n%s", e.File, e.Line, e.Err, e.SQL)
}

func (e *LoadError) Unwrap() error { return e.Err }
