package mysql

import "github.com/retortdb/retort/sqlsplit"

// SplitOptions gives MySQL's lexing rules (backslash escapes, # comments)
// for revision files.
func (Dialect) SplitOptions() sqlsplit.Options { return sqlsplit.MySQL }
