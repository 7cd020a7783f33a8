package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/locktest"
)

// TestLockReportsHolderAndTimesOut: the waiter names the holding
// session's pid and application_name, gives up after its timeout with
// ErrLockTimeout, and gets the lock once the holder releases it.
func TestLockReportsHolderAndTimesOut(t *testing.T) {
	db := renderOpen(t)
	ctx := context.Background()
	holder, waiter := locktest.Pair(t, db)
	if _, err := holder.ExecContext(ctx, "SET application_name = 'lock-holder-test'"); err != nil {
		t.Fatal(err)
	}
	var pid int
	if err := holder.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	locktest.Exclusion(t, Dialect{}, holder, waiter, fmt.Sprintf("pid %d (lock-holder-test, user ", pid))
}

// TestLockReportsHolderQuery: a holder busy with a statement is reported
// as active, with the statement's first line.
func TestLockReportsHolderQuery(t *testing.T) {
	db := renderOpen(t)
	holder, waiter := locktest.Pair(t, db)
	locktest.ReportsRunning(t, Dialect{}, holder, waiter, "SELECT pg_sleep(2)", "active since ")
}
