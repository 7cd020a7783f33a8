package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

// Config turns a mysql:// URL into the driver's configuration: query
// parameters pass through, parseTime is on and multiStatements off (a
// statement must fail alone, with its own error).
func Config(u *url.URL) (*mysql.Config, error) {
	cfg, err := mysql.ParseDSN("/?" + u.RawQuery)
	if err != nil {
		return nil, redact(fmt.Errorf("database URL %s has bad parameters: %w", u, err), u)
	}
	if u.User != nil {
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
	}
	cfg.Net = "tcp"
	cfg.Addr = u.Host
	if u.Port() == "" {
		cfg.Addr = strings.TrimSuffix(u.Host, ":") + ":3306"
	}
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	cfg.ParseTime = true
	cfg.MultiStatements = false
	return cfg, nil
}

// Open implements dialect.Dialect. It pings, so a wrong address or
// password fails here with the (redacted) URL in the message.
func (Dialect) Open(ctx context.Context, u *url.URL) (*sql.DB, error) {
	cfg, err := Config(u)
	if err != nil {
		return nil, err
	}
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, redact(fmt.Errorf("open %s: %w", u, err), u)
	}
	db := sql.OpenDB(conn)
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, redact(fmt.Errorf("connect to %s: %w", u, err), u)
	}
	return db, nil
}

// redact masks u's passwords in err's text, in every form, wherever they
// are: in u itself or in a driver or server message that quotes one.
func redact(err error, u *url.URL) error {
	return dialect.RedactError(err, dialect.Secrets(u.String())...)
}
