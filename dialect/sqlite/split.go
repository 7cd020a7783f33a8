package sqlite

import "github.com/retortdb/retort/sqlsplit"

// SplitOptions implements dialect.Dialect with SQLite's lexing rules
// (flat comments, [bracketed] names, no dollar quoting).
func (Dialect) SplitOptions() sqlsplit.Options { return sqlsplit.SQLite }
