package mysql

// Placeholder implements dialect.Dialect.
func (Dialect) Placeholder(int) string { return "?" }

// VersionTablesDDL implements dialect.Dialect.
func (Dialect) VersionTablesDDL() []string {
	return []string{
		"CREATE TABLE IF NOT EXISTS retort_version (revision VARCHAR(64) NOT NULL PRIMARY KEY) ENGINE=InnoDB",
		"CREATE TABLE IF NOT EXISTS retort_history (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, revision VARCHAR(64) NOT NULL, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL, duration_ms BIGINT NOT NULL) ENGINE=InnoDB",
		"CREATE TABLE IF NOT EXISTS retort_progress (revision VARCHAR(64) NOT NULL PRIMARY KEY, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, statements_done INT NOT NULL, in_flight INT NULL, before_schema VARCHAR(64) NULL, done_checksum VARCHAR(64) NULL, pending TEXT NULL) ENGINE=InnoDB",
	}
}
