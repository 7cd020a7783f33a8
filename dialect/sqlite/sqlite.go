// Package sqlite is retort's SQLite dialect, on the pure-Go driver
// modernc.org/sqlite (no cgo).
package sqlite

import "strings"

// Dialect implements dialect.Dialect for SQLite.
type Dialect struct{}

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "sqlite" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"sqlite", "sqlite3"} }

// Quote implements dialect.Dialect: double quotes, embedded quotes doubled.
func (Dialect) Quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}
