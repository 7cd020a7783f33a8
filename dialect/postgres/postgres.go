// Package postgres is retort's PostgreSQL dialect, on pgx v5 through its
// database/sql driver.
package postgres

import "strings"

// Dialect implements dialect.Dialect for PostgreSQL.
type Dialect struct{}

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "postgres" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"postgres", "postgresql"} }

// Quote implements dialect.Dialect: double quotes, embedded quotes doubled.
func (Dialect) Quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}
