package postgres

import (
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

// TestVersionTables: the bookkeeping DDL is idempotent, lands in the
// first schema of the search path that exists, stays where it is when a
// schema ahead of it appears, and reflection leaves the tables out.
func TestVersionTables(t *testing.T) {
	cases := []struct {
		name    string
		path    string
		between string // run between the two rounds of DDL
		want    string // the schema holding the tables
	}{
		{name: "first schema", path: "app,public", want: "app"},
		{name: "schema created ahead of the tables", path: "app,public", between: "DROP SCHEMA app", want: "public"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := reflFresh(t, tc.path)
			if tc.between != "" {
				schematest.Exec(t, db, tc.between)
			}
			schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...)
			if tc.between != "" {
				schematest.Exec(t, db, "CREATE SCHEMA app")
			}
			schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...)
			schematest.Exec(t, db, "INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a', 'up', 'x', 'now', 1)")
			var n int
			if err := db.QueryRow("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'retort_%' AND schemaname = $1", tc.want).Scan(&n); err != nil {
				t.Fatal(err)
			}
			var all int
			if err := db.QueryRow("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'retort_%'").Scan(&all); err != nil {
				t.Fatal(err)
			}
			if n != 3 || all != 3 {
				t.Fatalf("%d retort tables in schema %s, %d in all; want 3 and 3", n, tc.want, all)
			}
			if s := schematest.Reflect(t, Dialect{}, db); len(s.Tables) != 0 {
				t.Fatalf("reflection includes retort's tables: %s", reflDump(s))
			}
		})
	}
}
