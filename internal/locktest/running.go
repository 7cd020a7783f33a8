package locktest

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// ReportsRunning checks that a waiter's report of a holder busy with a
// statement says state ("active since ") and ends with the statement's
// first line. holder takes the lock and runs stmt, which must last about
// two seconds, followed by a second line.
func ReportsRunning(t *testing.T, d dialect.Dialect, holder, waiter *sql.Conn, stmt, state string) {
	t.Helper()
	ctx := context.Background()
	unlock, err := d.Lock(ctx, holder, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	busy := make(chan error, 1)
	go func() {
		_, err := holder.ExecContext(ctx, stmt+"\n-- second line")
		busy <- err
	}()
	var report string
	for !strings.Contains(report, "running:") {
		_, err = d.Lock(ctx, waiter, dialect.LockOptions{Timeout: 100 * time.Millisecond, Waiting: func(h string) { report = h }})
		if !errors.Is(err, dialect.ErrLockTimeout) {
			t.Fatalf("want ErrLockTimeout, got %v", err)
		}
		select {
		case err := <-busy:
			t.Fatalf("the holder's statement ended (%v) before a report showed it running; last report: %s", err, report)
		default:
		}
	}
	if !strings.Contains(report, state) || !strings.HasSuffix(report, "running: "+stmt) {
		t.Errorf("report = %q, want the holder %s..., running its statement's first line", report, state)
	}
	if err := <-busy; err != nil {
		t.Fatal(err)
	}
}

// Pair opens two sessions of db, a holder and a waiter, closed when t
// ends.
func Pair(t *testing.T, db *sql.DB) (holder, waiter *sql.Conn) {
	t.Helper()
	var conns [2]*sql.Conn
	for i := range conns {
		c, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		conns[i] = c
	}
	return conns[0], conns[1]
}
