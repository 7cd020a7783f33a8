package sqlite

// Placeholder implements dialect.Dialect.
func (Dialect) Placeholder(int) string { return "?" }

// VersionTablesDDL implements dialect.Dialect.
func (Dialect) VersionTablesDDL() []string {
	return []string{
		`CREATE TABLE IF NOT EXISTS retort_version (revision TEXT NOT NULL PRIMARY KEY)`,
		`CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS retort_progress (revision TEXT NOT NULL PRIMARY KEY, direction TEXT NOT NULL, checksum TEXT NOT NULL, statements_done INTEGER NOT NULL, in_flight INTEGER, before_schema TEXT, done_checksum TEXT, pending TEXT)`,
	}
}
