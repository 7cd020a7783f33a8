package dialecttest

import (
	"context"
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// Bookkeeping checks the tables the runner records in: VersionTablesDDL
// makes them, keeps their rows when run again, and has the columns the
// runner reads and writes with Placeholder; Reflect leaves them out; and
// EngineVersion reads the version.
func Bookkeeping(t *testing.T, tg Target) {
	d := tg.Dialect
	ctx := context.Background()
	db, _ := open(t, tg)
	create := func() {
		t.Helper()
		for _, s := range d.VersionTablesDDL() {
			if _, err := db.ExecContext(ctx, s); err != nil {
				t.Fatalf("%s\n  failed: %s", s, d.DescribeError(err))
			}
		}
	}
	create()
	ph := d.Placeholder
	for _, w := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO retort_version (revision) VALUES (" + ph(1) + ")", []any{"a1"}},
		{fmt.Sprintf("INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES (%s, %s, %s, %s, %s)", ph(1), ph(2), ph(3), ph(4), ph(5)),
			[]any{"a1", "up", "c0ffee", "2024-01-02T03:04:05Z", int64(12)}},
		{fmt.Sprintf("INSERT INTO retort_progress (revision, direction, checksum, statements_done, in_flight, before_schema, done_checksum, pending) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", ph(1), ph(2), ph(3), ph(4), ph(5), ph(6), ph(7), ph(8)),
			[]any{"a2", "up", "c0ffee", 1, 2, "f1", "d0", `["VALIDATE"]`}},
	} {
		if _, err := db.ExecContext(ctx, w.sql, w.args...); err != nil {
			t.Fatalf("%s\n  failed: %s", w.sql, d.DescribeError(err))
		}
	}
	create() // again: keeps the rows

	var rev, dir string
	var ms int64
	if err := db.QueryRowContext(ctx, "SELECT h.revision, h.direction, h.duration_ms FROM retort_history h JOIN retort_version v ON v.revision = h.revision WHERE h.checksum = "+ph(1), "c0ffee").Scan(&rev, &dir, &ms); err != nil {
		t.Fatalf("reading back retort_version and retort_history: %s", d.DescribeError(err))
	}
	if rev != "a1" || dir != "up" || ms != 12 {
		t.Errorf("read back %s %s %d, want a1 up 12", rev, dir, ms)
	}
	var done, inFlight int
	var pending string
	if err := db.QueryRowContext(ctx, "SELECT statements_done, in_flight, pending FROM retort_progress WHERE revision = "+ph(1), "a2").Scan(&done, &inFlight, &pending); err != nil {
		t.Fatalf("reading back retort_progress: %s", d.DescribeError(err))
	}
	if done != 1 || inFlight != 2 || pending != `["VALIDATE"]` {
		t.Errorf("read back progress %d %d %s", done, inFlight, pending)
	}

	s := reflect(t, d, db)
	for _, table := range dialect.BookkeepingTables {
		if s.Table("", table) != nil {
			t.Errorf("Reflect shows the bookkeeping table %s", table)
		}
	}
	if v, err := dialect.EngineVersion(ctx, d, db); err != nil || v == "" {
		t.Errorf("EngineVersion = %q, %v", v, err)
	}
}
