package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"weak"

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
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, dialect.RedactURLError(fmt.Errorf("open %s: %w", u, err), u)
	}
	db, err := dialect.OpenServer(ctx, u, conn)
	if err == nil {
		rememberConfig(db, cfg)
	}
	return db, err
}

// batchConfigs holds the configuration of each pool Open made, keyed by
// a weak pointer to the pool (dropped with it), so that reflection can
// open connections of its own that take several statements in one round
// trip (see loadDefs). The pool's own connections never do: a statement
// must fail alone there.
var batchConfigs sync.Map // weak.Pointer[sql.DB] -> *mysql.Config

func rememberConfig(db *sql.DB, cfg *mysql.Config) {
	key := weak.Make(db)
	batchConfigs.Store(key, cfg.Clone())
	runtime.AddCleanup(db, func(k weak.Pointer[sql.DB]) { batchConfigs.Delete(k) }, key)
}

// batchConnector returns a connector for db's server that runs several
// statements at once, or nil when db is not a pool Open made.
func batchConnector(db *sql.DB) driver.Connector {
	v, ok := batchConfigs.Load(weak.Make(db))
	if !ok {
		return nil
	}
	cfg := v.(*mysql.Config).Clone()
	cfg.MultiStatements = true
	c, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil
	}
	return c
}
