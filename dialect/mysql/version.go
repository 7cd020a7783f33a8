package mysql

// VersionSQL implements dialect.Dialect.
func (Dialect) VersionSQL() string { return "SELECT version()" }
