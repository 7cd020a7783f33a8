package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
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
		return nil, fmt.Errorf("database URL %s is invalid: %w", dialect.RedactURL(u), scrub(err, u))
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
		return nil, fmt.Errorf("connect to %s: %w", dialect.RedactURL(u), scrub(err, u))
	}
	return db, nil
}

// scrub keeps the URL's password out of err's text while keeping the
// error chain for errors.As.
func scrub(err error, u *url.URL) error {
	pass, ok := u.User.Password()
	if !ok || pass == "" || !strings.Contains(err.Error(), pass) {
		return err
	}
	return &scrubbed{err: err, pass: pass}
}

type scrubbed struct {
	err  error
	pass string
}

func (s *scrubbed) Error() string { return strings.ReplaceAll(s.err.Error(), s.pass, "xxxxx") }
func (s *scrubbed) Unwrap() error { return s.err }
