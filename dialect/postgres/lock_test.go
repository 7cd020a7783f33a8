package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/locktest"
)

// TestLockReportsHolderAndTimesOut: the waiter names the holding
// session's pid and application_name, gives up after its timeout with
// ErrLockTimeout, and gets the lock once the holder releases it.
func TestLockReportsHolderAndTimesOut(t *testing.T) {
	db := renderOpen(t)
	ctx := context.Background()
	holder, waiter := conn(t, db), conn(t, db)
	if _, err := holder.ExecContext(ctx, "SET application_name = 'lock-holder-test'"); err != nil {
		t.Fatal(err)
	}
	var pid int
	if err := holder.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	locktest.Exclusion(t, Dialect{}, holder, waiter, fmt.Sprintf("pid %d (lock-holder-test, user ", pid))
}

func conn(t *testing.T, db *sql.DB) *sql.Conn {
	t.Helper()
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestLockReportsHolderQuery: a holder busy with a statement is reported
// as active, with the statement's first line.
func TestLockReportsHolderQuery(t *testing.T) {
	db := renderOpen(t)
	ctx := context.Background()
	holder, waiter := conn(t, db), conn(t, db)
	unlock, err := Dialect{}.Lock(ctx, holder, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	busy := make(chan error, 1)
	go func() {
		_, err := holder.ExecContext(ctx, "SELECT pg_sleep(2)\n-- second line")
		busy <- err
	}()
	var report string
	for report == "" || !strings.Contains(report, "running:") {
		_, err = Dialect{}.Lock(ctx, waiter, dialect.LockOptions{Timeout: 100 * time.Millisecond, Waiting: func(h string) { report = h }})
		if !errors.Is(err, dialect.ErrLockTimeout) {
			t.Fatalf("want ErrLockTimeout, got %v", err)
		}
		select {
		case err := <-busy:
			t.Fatalf("the holder's statement ended (%v) before a report showed it running; last report: %s", err, report)
		default:
		}
	}
	if !strings.Contains(report, "active since ") || !strings.HasSuffix(report, "running: SELECT pg_sleep(2)") {
		t.Errorf("report = %q, want the holder active, running its statement's first line", report)
	}
	if err := <-busy; err != nil {
		t.Fatal(err)
	}
}
