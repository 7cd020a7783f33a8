// Package sqlite is retort's SQLite dialect, on the pure-Go driver
// modernc.org/sqlite (no cgo), or on github.com/mattn/go-sqlite3 (cgo)
// when built with the retort_cgo_sqlite tag (driver_*.go).
package sqlite

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Dialect implements dialect.Dialect for SQLite.
type Dialect struct{ dialect.Base }

var _ dialect.Dialect = Dialect{}

func init() { dialect.Register(Dialect{}) }

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "sqlite" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"sqlite", "sqlite3"} }

// Capabilities implements dialect.Dialect. SQLite rolls DDL back; DROP
// TABLE fires ON DELETE CASCADE unless foreign keys are off; a URL names
// a file and the scratch database for desired schemas is in memory;
// what ALTER TABLE cannot do is a rebuild, so a check needs no name, and
// STRICT and WITHOUT ROWID are compared. SQLite has no identifier limit,
// but names stay within 63 bytes as retort has always cut them, so the
// names in existing databases keep matching.
func (Dialect) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{
		TransactionalDDL:  true,
		DropTableCascades: true,
		FileURLs:          true,
		EmbeddedScratch:   true,
		NameLimit:         63,
		RebuildPrefix:     rebuildPrefix,
		UnnamedChecks:     true,
		TableOptions:      comparedTableOptions,
	}
}

// Quote implements dialect.Dialect: double quotes, embedded quotes doubled.
func (Dialect) Quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}
