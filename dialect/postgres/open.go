package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/retortdb/retort/dialect"
)

// Config parses a postgres:// URL into pgx's configuration. Query
// parameters pgx does not know (search_path, application_name...) become
// runtime parameters set on every connection.
func Config(u *url.URL) (*pgx.ConnConfig, error) {
	v := *u
	v.Scheme = "postgres"
	cfg, err := pgx.ParseConfig(v.String())
	if err != nil {
		return nil, dialect.RedactURLError(fmt.Errorf("database URL %s is invalid: %w", u, err), u)
	}
	return cfg, nil
}

// Open implements dialect.Dialect. It pings, so a wrong address or
// password fails here with the redacted URL in the message.
func (Dialect) Open(ctx context.Context, u *url.URL) (*sql.DB, error) {
	return open(ctx, u, nil)
}

// open opens a pool whose sessions also start with params set (runtime
// parameters, sent at connection start and what RESET returns to).
func open(ctx context.Context, u *url.URL, params map[string]string) (*sql.DB, error) {
	cfg, err := Config(u)
	if err != nil {
		return nil, err
	}
	for k, v := range params {
		cfg.RuntimeParams[k] = v
	}
	cfg.BuildContextWatcherHandler = cancelRequest
	db, err := dialect.OpenServer(ctx, u, stdlib.GetConnector(*cfg))
	if err != nil {
		return nil, err
	}
	// Keeps the connections a parallel reflection opens for the next.
	db.SetMaxIdleConns(max(reflWorkers, 2))
	return db, nil
}
