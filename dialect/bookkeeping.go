package dialect

// Bookkeeper is the bookkeeping role: the tables in which the runner
// records what ran (their columns are described in the runner package).
type Bookkeeper interface {
	// VersionTablesDDL creates BookkeepingTables where missing and
	// leaves existing ones, and their rows, alone; it can run on every
	// migration.
	VersionTablesDDL() []string
	// Placeholder is the n-th (1-based) bind parameter ("?" or "$1").
	Placeholder(n int) string
}

// BookkeepingTables are the tables retort keeps in every migrated
// database. Reflect leaves them out, so they never show in a diff.
var BookkeepingTables = []string{"retort_version", "retort_history", "retort_progress"}

// IsBookkeeping reports whether a table name is one of BookkeepingTables.
func IsBookkeeping(table string) bool {
	for _, t := range BookkeepingTables {
		if t == table {
			return true
		}
	}
	return false
}
