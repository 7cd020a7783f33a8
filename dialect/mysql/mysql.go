// Package mysql is retort's MySQL 8 and MariaDB 10.6+ dialect, on
// github.com/go-sql-driver/mysql.
package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

func init() { dialect.Register(Dialect{}) }

var _ dialect.Dialect = Dialect{}

// Dialect implements dialect.Dialect for MySQL and MariaDB.
type Dialect struct{ dialect.Base }

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "mysql" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"mysql", "mariadb"} }

// Capabilities implements dialect.Dialect: every DDL statement commits
// implicitly, so the runner records progress per statement; InnoDB
// indexes every foreign key itself. Identifiers may have 64 bytes, but
// names are cut at 63 as retort has always cut them, so the names in
// existing databases keep matching. Table options: see table_options.go.
func (Dialect) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{ImplicitFKIndex: true, NameLimit: 63, TableOptions: comparedTableOptions}
}

// Quote implements dialect.Dialect: backticks, embedded backticks doubled.
func (Dialect) Quote(ident string) string { return quote(ident) }

func quote(ident string) string {
	return "`" + strings.ReplaceAll(ident, "`", "``") + "`"
}
