package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

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
		return nil, redact(fmt.Errorf("database URL %s is invalid: %w", u, err), u)
	}
	return cfg, nil
}

// Open implements dialect.Dialect. It pings, so a wrong address or
// password fails here with the redacted URL in the message.
func (Dialect) Open(ctx context.Context, u *url.URL) (*sql.DB, error) {
	cfg, err := Config(u)
	if err != nil {
		return nil, err
	}
	cfg.BuildContextWatcherHandler = cancelRequest
	db := stdlib.OpenDB(*cfg)
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, redact(fmt.Errorf("connect to %s: %w", u, err), u)
	}
	return db, nil
}

// redact masks u's passwords in err's text, in every form, wherever they
// are: in u itself, in what pgx masked itself (best effort on malformed
// strings) or in a server message that quotes one.
func redact(err error, u *url.URL) error {
	return dialect.RedactError(err, dialect.Secrets(u.String())...)
}
