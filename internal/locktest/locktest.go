// Package locktest checks a dialect's migration lock the same way on every
// database: the dialect tests give it two real sessions.
package locktest

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// Timeout is the waiter's timeout in Exclusion.
const Timeout = 500 * time.Millisecond

// Exclusion checks d.Lock between two sessions. While holder has the
// lock, a Lock on waiter with Timeout fails with dialect.ErrLockTimeout
// after no less than Timeout, having reported once a holder whose
// description contains want, which the error names too. A Lock on waiter
// that is waiting when holder unlocks then gets the lock.
func Exclusion(t *testing.T, d dialect.Dialect, holder, waiter *sql.Conn, want string) {
	t.Helper()
	ctx := context.Background()
	unlock, err := d.Lock(ctx, holder, dialect.LockOptions{})
	if err != nil {
		t.Fatalf("taking the free lock failed: %v", err)
	}
	defer func() {
		if unlock != nil {
			unlock()
		}
	}()

	var reports []string
	start := time.Now()
	_, err = d.Lock(ctx, waiter, dialect.LockOptions{Timeout: Timeout, Waiting: func(h string) { reports = append(reports, h) }})
	waited := time.Since(start)
	if !errors.Is(err, dialect.ErrLockTimeout) {
		t.Fatalf("Lock while another session holds the lock: want an error wrapping ErrLockTimeout, got %v", err)
	}
	if waited < Timeout || waited > Timeout+3*time.Second {
		t.Errorf("Lock with Timeout %v gave up after %v", Timeout, waited)
	}
	if len(reports) != 1 || !strings.Contains(reports[0], want) {
		t.Errorf("Waiting reports = %q, want one naming %q", reports, want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("timeout error %q does not name the holder %q", err, want)
	}
	t.Logf("holder: %s\nerror: %v", strings.Join(reports, " | "), err)

	var once sync.Once
	waiting := make(chan struct{})
	got := make(chan error, 1)
	var unlock2 func() error
	go func() {
		var err error
		unlock2, err = d.Lock(ctx, waiter, dialect.LockOptions{Timeout: 30 * time.Second, Waiting: func(string) { once.Do(func() { close(waiting) }) }})
		got <- err
	}()
	select {
	case <-waiting:
	case err := <-got:
		t.Fatalf("Lock returned (%v) while the other session still held the lock", err)
	}
	if err := unlock(); err != nil {
		t.Fatalf("releasing the lock failed: %v", err)
	}
	unlock = nil
	select {
	case err := <-got:
		if err != nil {
			t.Fatalf("the waiting Lock failed after the holder released: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting Lock did not get the lock within 5s of its release")
	}
	if err := unlock2(); err != nil {
		t.Fatalf("releasing the second lock failed: %v", err)
	}
}
