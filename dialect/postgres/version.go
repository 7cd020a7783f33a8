package postgres

import "github.com/retortdb/retort/dialect"

// VersionSQL implements dialect.Dialect.
func (Dialect) VersionSQL() string { return "SELECT version()" }

var _ dialect.LoadKeyer = Dialect{}

// LoadKeySQL implements dialect.LoadKeyer: the scratch load takes the
// target's search path as configured, with "$user" resolved against the
// schemas that exist.
func (Dialect) LoadKeySQL() string {
	return `SELECT concat_ws(E'\n', version(), ` + searchPathColumns + `)`
}
