package postgres

import (
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

// TestVersionTables: the bookkeeping DDL is idempotent, lands in the
// first schema of the search path, and reflection leaves the tables out.
func TestVersionTables(t *testing.T) {
	db, _ := reflFresh(t, "app,public")
	schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...)
	schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...)
	schematest.Exec(t, db, "INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a', 'up', 'x', 'now', 1)")
	var n int
	if err := db.QueryRow("SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND tablename LIKE 'retort_%'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Fatalf("%d retort tables in schema app, want 3", n)
	}
	if s := schematest.Reflect(t, Dialect{}, db); len(s.Tables) != 0 {
		t.Fatalf("reflection includes retort's tables: %s", reflDump(s))
	}
}
