package mysql

import "github.com/retortdb/retort/dialect"

// BeginSQL implements dialect.Dialect.
func (Dialect) BeginSQL() string { return "BEGIN" }

// Prepare implements dialect.Dialect. DDL cannot be rolled back, so the
// body runs statement by statement whatever the transaction says.
func (Dialect) Prepare(stmts []string) dialect.Plan {
	return dialect.Plan{Body: append([]string(nil), stmts...), NoTransaction: true}
}
