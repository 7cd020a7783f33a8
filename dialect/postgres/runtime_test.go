package postgres

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/dialect"
)

// TestRuntimeLockWaitsAndTimesOut: a second Lock on another connection
// waits while the first holds the lock, gives up when its ctx ends, and
// gets the lock once the first releases it.
func TestRuntimeLockWaitsAndTimesOut(t *testing.T) {
	db := renderOpen(t)
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

	unlock1, err := Dialect{}.Lock(ctx, c1, dialect.LockOptions{})
	if err != nil {
		t.Fatalf("first lock: %v", err)
	}
	tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	start := time.Now()
	_, err = Dialect{}.Lock(tctx, c2, dialect.LockOptions{})
	cancel()
	waited := time.Since(start)
	if err == nil {
		t.Fatal("second Lock succeeded while the first connection holds the lock")
	}
	if waited < 250*time.Millisecond || waited > 5*time.Second {
		t.Fatalf("second Lock returned after %v, want it to wait for its ctx (300ms)", waited)
	}
	t.Logf("second Lock gave up after %v: %v", waited, err)

	if err := unlock1(); err != nil {
		t.Fatalf("unlock: %v", err)
	}
	// The canceled attempt must not have left c2 unusable or locked.
	c3, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c3.Close()
	unlock3, err := Dialect{}.Lock(ctx, c3, dialect.LockOptions{})
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	if err := unlock3(); err != nil {
		t.Fatal(err)
	}
	if err := unlock3(); err == nil {
		t.Fatal("a second unlock of a released lock reported success")
	}
}

func TestRuntimeMissingTable(t *testing.T) {
	db := renderOpen(t)
	_, missing := db.Exec(`SELECT revision FROM retort_version`)
	_, syntax := db.Exec(`SELEC 1`)
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"undefined table from the server", missing, true},
		{"wrapped", fmt.Errorf("reading retort_version failed: %w", missing), true},
		{"syntax error", syntax, false},
		{"plain error naming the table", errors.New(`relation "retort_version" does not exist`), false},
		{"other SQLSTATE", &pgconn.PgError{Code: "42703"}, false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := (Dialect{}).MissingTable(c.err); got != c.want {
			t.Errorf("%s: MissingTable(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
	}
}
