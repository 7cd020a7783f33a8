package retort

import "database/sql"

// DBOf is the Migrator's database, for tests of package retort_test that
// set up or check rows with SQL of their own.
func DBOf(m *Migrator) *sql.DB { return m.db }
