package postgres

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestLock: a second session waits for the advisory lock until the first
// releases it; releasing twice is reported.
func TestLock(t *testing.T) {
	db, _ := reflFresh(t, "")
	ctx := context.Background()
	c1, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Close()
	c2, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()

	unlock, err := Dialect{}.Lock(ctx, c1)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := (Dialect{}).Lock(short, c2); err == nil || !strings.Contains(err.Error(), "migration lock") {
		t.Fatalf("second session took the held lock: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err == nil {
		t.Error("releasing a lock this session no longer holds should be reported")
	}
	// pgx closes a connection whose query was cancelled; take a new one.
	c3, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c3.Close()
	unlock2, err := Dialect{}.Lock(ctx, c3)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	if err := unlock2(); err != nil {
		t.Fatal(err)
	}
}

// TestVersionTables: the bookkeeping DDL is idempotent, lands in the
// first schema of the search path, and reflection leaves the tables out.
func TestVersionTables(t *testing.T) {
	db, _ := reflFresh(t, "app,public")
	reflExec(t, db, Dialect{}.VersionTablesDDL()...)
	reflExec(t, db, Dialect{}.VersionTablesDDL()...)
	reflExec(t, db, "INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a', 'up', 'x', 'now', 1)")
	var n int
	if err := db.QueryRow("SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND tablename LIKE 'retort_%'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Fatalf("%d retort tables in schema app, want 3", n)
	}
	if s := reflReflect(t, db); len(s.Tables) != 0 {
		t.Fatalf("reflection includes retort's tables: %s", reflDump(s))
	}
}
