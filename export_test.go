package retort

import (
	"database/sql"

	"github.com/retortdb/retort/op"
)

// DBOf is the Migrator's database, for tests of package retort_test that
// set up or check rows with SQL of their own.
func DBOf(m *Migrator) *sql.DB { return m.db }

// MarkOnline is Migrator.markOnline.
func MarkOnline(m *Migrator, ops []op.Op, big func(table string) bool) []op.Op {
	return m.markOnline(ops, big)
}
