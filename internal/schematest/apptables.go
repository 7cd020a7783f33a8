package schematest

import (
	"fmt"
	"strings"
)

// AppTablesSQL is n tables shaped like an application's, for benchmarks
// and load tests on every dialect: a primary key, five columns, a unique,
// a check, an index and one or two foreign keys (about 15 locks each when
// PostgreSQL creates them).
func AppTablesSQL(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "CREATE TABLE t%04d (\n  id INTEGER PRIMARY KEY,\n  code TEXT NOT NULL UNIQUE,\n  qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),\n  note TEXT,\n  created_at TEXT NOT NULL DEFAULT 'now'", i)
		if i > 0 {
			fmt.Fprintf(&b, ",\n  parent_id INTEGER REFERENCES t%04d (id) ON DELETE CASCADE", i-1)
		}
		if i > 1 {
			fmt.Fprintf(&b, ",\n  other_id INTEGER REFERENCES t%04d (id) ON DELETE SET NULL", i/2)
		}
		b.WriteString("\n);\n")
		fmt.Fprintf(&b, "CREATE INDEX t%04d_created_idx ON t%04d (created_at DESC);\n", i, i)
	}
	return b.String()
}
