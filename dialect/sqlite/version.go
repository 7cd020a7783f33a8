package sqlite

// VersionSQL gives the SQLite library's version, which has no version()
// function; see dialect.EngineVersion.
func (Dialect) VersionSQL() string { return "SELECT sqlite_version()" }
