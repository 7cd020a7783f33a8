// Package postgres is retort's PostgreSQL dialect, on pgx v5 through its
// database/sql driver.
package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

func init() { dialect.Register(Dialect{}) }

var _ dialect.Dialect = Dialect{}

// Dialect implements dialect.Dialect for PostgreSQL.
type Dialect struct{ dialect.Base }

// Name implements dialect.Dialect.
func (Dialect) Name() string { return "postgres" }

// Schemes implements dialect.Dialect.
func (Dialect) Schemes() []string { return []string{"postgres", "postgresql"} }

// Capabilities implements dialect.Dialect: DDL is transactional, takes
// locks that NOT VALID + VALIDATE and CREATE INDEX CONCURRENTLY avoid,
// and identifiers are cut at 63 bytes (NAMEDATALEN - 1).
func (Dialect) Capabilities() dialect.Capabilities {
	return dialect.Capabilities{TransactionalDDL: true, LockHazards: true, NamedPrimaryKey: true, SchemaDropRestricts: true, NameLimit: 63,
		TableOptions: comparedTableOptions, RecreateTableOn: []string{optPartitionBy}} // no ALTER partitions a table or changes its key
}

// Quote implements dialect.Dialect. Identifiers are quoted only when
// needed (upper case, special characters, keywords), like quote_ident, so
// revision files stay readable; the rule is fixed, so output is stable.
func (Dialect) Quote(ident string) string { return quote(ident) }

func quote(ident string) string {
	if needsQuote(ident) {
		return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
	}
	return ident
}

func needsQuote(ident string) bool {
	if ident == "" || keywords[ident] {
		return true
	}
	for i, r := range ident {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case (r >= '0' && r <= '9') || r == '$':
			if i == 0 {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// qualified is [schema.]name, each part quoted when needed.
func qualified(sch, name string) string {
	if sch == "" {
		return quote(name)
	}
	return quote(sch) + "." + quote(name)
}

// literal is a string literal (standard_conforming_strings is on since 9.1).
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
