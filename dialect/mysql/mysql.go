// Package mysql is retort's MySQL 8 and MariaDB 10.6+ dialect, on
// github.com/go-sql-driver/mysql.
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

func init() { dialect.Register(Dialect{}) }

var _ dialect.Dialect = Dialect{}

// Dialect implements dialect.Dialect for MySQL and MariaDB.
type Dialect struct{}

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "mysql" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"mysql", "mariadb"} }

// Traits reports that InnoDB indexes every foreign key itself.
func (Dialect) Traits() dialect.Traits { return dialect.Traits{ImplicitFKIndex: true} }

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

// Quote implements dialect.Dialect: backticks, embedded backticks doubled.
func (Dialect) Quote(ident string) string { return quote(ident) }

func quote(ident string) string {
	return "`" + strings.ReplaceAll(ident, "`", "``") + "`"
}

// Placeholder implements dialect.Dialect.
func (Dialect) Placeholder(int) string { return "?" }

// TransactionalDDL implements dialect.Dialect: every DDL statement
// commits implicitly, so the runner records progress per statement.
func (Dialect) TransactionalDDL() bool { return false }

// BeginSQL implements dialect.Dialect.
func (Dialect) BeginSQL() string { return "BEGIN" }

// Prepare implements dialect.Dialect. DDL cannot be rolled back, so the
// body runs statement by statement whatever the transaction says.
func (Dialect) Prepare(stmts []string) dialect.Plan {
	return dialect.Plan{Body: append([]string(nil), stmts...), NoTransaction: true}
}

// VersionTablesDDL implements dialect.Dialect.
func (Dialect) VersionTablesDDL() []string {
	return []string{
		"CREATE TABLE IF NOT EXISTS retort_version (revision VARCHAR(64) NOT NULL PRIMARY KEY) ENGINE=InnoDB",
		"CREATE TABLE IF NOT EXISTS retort_history (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, revision VARCHAR(64) NOT NULL, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL, duration_ms BIGINT NOT NULL) ENGINE=InnoDB",
		"CREATE TABLE IF NOT EXISTS retort_progress (revision VARCHAR(64) NOT NULL PRIMARY KEY, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, statements_done INT NOT NULL, in_flight INT NULL, before_schema VARCHAR(64) NULL, done_checksum VARCHAR(64) NULL, pending TEXT NULL) ENGINE=InnoDB",
	}
}
