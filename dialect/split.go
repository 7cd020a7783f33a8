package dialect

import "github.com/retortdb/retort/sqlsplit"

// SplitOptionsOf returns the lexing rules a dialect's revision and schema
// files are split with; dialects provide them with a SplitOptions method,
// and PostgreSQL's rules are the default.
func SplitOptionsOf(d Dialect) sqlsplit.Options {
	if s, ok := d.(interface{ SplitOptions() sqlsplit.Options }); ok {
		return s.SplitOptions()
	}
	return sqlsplit.PostgreSQL
}
