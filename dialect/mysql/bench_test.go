package mysql

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

// BenchmarkReflect500 reflects 500 tables, each with a key, a foreign key,
// an index and a check: the query count is fixed, so time is linear.
func BenchmarkReflect500(b *testing.B) {
	db, _ := freshDB(b)
	schematest.Exec(b, db, "CREATE TABLE t0 (id INT PRIMARY KEY, name VARCHAR(50), n INT)")
	for i := 1; i < 500; i++ {
		schematest.Exec(b, db, fmt.Sprintf("CREATE TABLE t%d (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'x', n INT, parent_id INT, "+
			"KEY t%d_name (name), CONSTRAINT t%d_n CHECK (n > 0), CONSTRAINT t%d_parent_fkey FOREIGN KEY (parent_id) REFERENCES t%d (id) ON DELETE CASCADE)", i, i, i, i, i-1))
	}
	b.ResetTimer()
	for b.Loop() {
		s := schematest.Reflect(b, Dialect{}, db)
		if len(s.Tables) != 500 {
			b.Fatalf("reflected %d tables", len(s.Tables))
		}
	}
}
