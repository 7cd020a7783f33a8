package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"strings"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
)

// Config turns a mysql:// URL into the driver's configuration: query
// parameters pass through, parseTime is on and multiStatements off (a
// statement must fail alone, with its own error).
func Config(u *url.URL) (*mysql.Config, error) {
	cfg, err := mysql.ParseDSN("/?" + u.RawQuery)
	if err != nil {
		return nil, dialect.RedactURLError(fmt.Errorf("database URL %s has bad parameters: %w", u, err), u)
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
	c, err := newConnector(cfg)
	if err != nil {
		return nil, dialect.RedactURLError(fmt.Errorf("open %s: %w", u, err), u)
	}
	return dialect.OpenServer(ctx, u, c)
}

// connector opens the pool's connections with the driver's own
// connector; its Driver carries a second connector to the same server,
// so that whoever holds the pool (reflection, see loadDefs) can find it
// through (*sql.DB).Driver, the only part of a pool's connector
// database/sql hands back.
type connector struct {
	driver.Connector
	drv *poolDriver
}

// poolDriver is the driver of a pool Open made. batch connects like the
// pool but takes several statements in one round trip; the pool's own
// connections never do: a statement must fail alone there. It is the
// driver's own otherwise, so a caller of Driver().Open gets what it asks.
type poolDriver struct {
	mysql.MySQLDriver
	batch driver.Connector
}

func newConnector(cfg *mysql.Config) (*connector, error) {
	c, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	multi := cfg.Clone()
	multi.MultiStatements = true
	batch, err := mysql.NewConnector(multi)
	if err != nil {
		return nil, err
	}
	return &connector{Connector: c, drv: &poolDriver{batch: batch}}, nil
}

func (c *connector) Driver() driver.Driver { return c.drv }

// batchConnector returns a connector for db's server that runs several
// statements at once, or nil when db is not a pool Open made.
func batchConnector(db *sql.DB) driver.Connector {
	if d, ok := db.Driver().(*poolDriver); ok {
		return d.batch
	}
	return nil
}
