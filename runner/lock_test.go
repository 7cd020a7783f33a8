package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// TestLockTimeoutLogsHolder: while another session holds the migration
// lock, an upgrade logs who holds it, fails with ErrLockTimeout after
// LockTimeout and touches nothing.
func TestLockTimeoutLogsHolder(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		holder, err := open(t, tg.d, u).Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer holder.Close()
		unlock, err := tg.d.Lock(ctx, holder, dialect.LockOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		r := newRunner(t, tg, u, linear...)
		var log bytes.Buffer
		r.Log, r.LockTimeout = &log, 300*time.Millisecond
		start := time.Now()
		_, err = r.Upgrade(ctx, "head")
		if !errors.Is(err, dialect.ErrLockTimeout) || !strings.HasPrefix(err.Error(), "taking the migration lock failed: ") {
			t.Fatalf("Upgrade while the lock is held: want a lock timeout, got %v", err)
		}
		if took := time.Since(start); took < r.LockTimeout || took > 5*time.Second {
			t.Errorf("Upgrade gave up after %v, want about %v", took, r.LockTimeout)
		}
		if lines := strings.Split(strings.TrimSpace(log.String()), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "waiting for the migration lock: held by ") {
			t.Errorf("log = %q, want one waiting line", log.String())
		}
		mustCurrent(t, r)
	})
}

// TestUpgradeDowngradeShareDB: an upgrade and a downgrade started at once
// by goroutines sharing one *sql.DB run one after the other, so the
// recorded version always matches the tables.
func TestUpgradeDowngradeShareDB(t *testing.T) {
	var chain []rev
	for i := 1; i <= 10; i++ {
		r := rev{id: fmt.Sprintf("r%02d", i), msg: fmt.Sprintf("table %d", i),
			up: fmt.Sprintf("CREATE TABLE t%02d (id INTEGER PRIMARY KEY);", i), down: fmt.Sprintf("DROP TABLE t%02d;", i)}
		if i > 1 {
			r.parents = chain[i-2].id
		}
		chain = append(chain, r)
	}
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, chain...)
		for round := range 4 {
			if _, err := r.Upgrade(ctx, "r05"); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			var upErr, downErr error
			wg.Add(2)
			go func() { defer wg.Done(); _, upErr = r.Upgrade(ctx, "head") }()
			go func() { defer wg.Done(); _, downErr = r.Downgrade(ctx, "base") }()
			wg.Wait()
			if upErr != nil || downErr != nil {
				t.Errorf("round %d: upgrade: %v; downgrade: %v", round, upErr, downErr)
			}
			cur, err := r.Current(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			if len(cur) == 1 {
				fmt.Sscanf(cur[0], "r%d", &n)
			}
			var wrong []string
			for i := 1; i <= 10; i++ {
				if hasTable(r.DB, fmt.Sprintf("t%02d", i)) != (i <= n) {
					wrong = append(wrong, fmt.Sprintf("t%02d", i))
				}
			}
			if len(wrong) > 0 || len(cur) > 1 {
				t.Errorf("round %d: version %v, but tables %v disagree", round, cur, wrong)
			}
		}
	})
}
