package postgres

import "github.com/retortdb/retort/sqlsplit"

// SplitOptions gives PostgreSQL's lexing rules (dollar quoting, nested
// comments) for revision files.
func (Dialect) SplitOptions() sqlsplit.Options { return sqlsplit.PostgreSQL }
