package sqlite

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/schematest"
)

func TestOpenDSN(t *testing.T) {
	cases := []struct {
		path, query string
		has, hasNot []string
	}{
		{"app.db", "", []string{"app.db?", "_pragma=foreign_keys%281%29", "_pragma=busy_timeout%2810000%29", "_txlock=immediate"}, []string{"journal_mode"}},
		{"app.db", "_pragma=journal_mode(WAL)", []string{"journal_mode%28WAL%29", "busy_timeout%2810000%29"}, nil},
		{":memory:", "", []string{":memory:?", "foreign_keys", "_txlock=immediate"}, []string{"journal_mode"}},
		{"/abs/x.db", "_pragma=journal_mode(DELETE)&_txlock=exclusive", []string{"journal_mode%28DELETE%29", "_txlock=exclusive"}, []string{"WAL", "immediate"}},
		{"x.db", "_pragma=busy_timeout%3D50", []string{"busy_timeout%3D50"}, []string{"10000"}},
	}
	for _, tc := range cases {
		dsn, err := openDSN(tc.path, tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(dsn, tc.path+"?") {
			t.Errorf("openDSN(%q) = %q: does not start with the path", tc.path, dsn)
		}
		for _, s := range tc.has {
			if !strings.Contains(dsn, s) {
				t.Errorf("openDSN(%q, %q) = %q, missing %q", tc.path, tc.query, dsn, s)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(dsn, s) {
				t.Errorf("openDSN(%q, %q) = %q, should not contain %q", tc.path, tc.query, dsn, s)
			}
		}
	}
	if _, err := openDSN("x.db", "%zz"); err == nil || !strings.Contains(err.Error(), "x.db") {
		t.Errorf("malformed options: err = %v", err)
	}
}

func TestOpenFileSettings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(3)
	// Every pooled connection has the settings, not just the first.
	var conns []interface{ Close() error }
	for i := 0; i < 3; i++ {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var fk, busy int
		var mode string
		if err := c.QueryRowContext(ctx, "SELECT foreign_keys FROM pragma_foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		// A new file keeps SQLite's default rollback journal.
		if fk != 1 || busy != 10000 || !strings.EqualFold(mode, "delete") {
			t.Errorf("conn %d: foreign_keys=%d busy_timeout=%d journal_mode=%s", i, fk, busy, mode)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file not created: %v", err)
	}
}

// BEGIN IMMEDIATE: a second writer's transaction waits for the first
// instead of failing later with "database is locked" on upgrade.
func TestOpenTransactionsAreImmediate(t *testing.T) {
	ctx := context.Background()
	u := &url.URL{Scheme: "sqlite", Path: filepath.Join(t.TempDir(), "lock.db")}
	a, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	txA, err := a.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	began := make(chan time.Time, 1)
	go func() {
		defer wg.Done()
		txB, err := b.BeginTx(ctx, nil)
		if err != nil {
			t.Error(err)
			return
		}
		began <- time.Now()
		txB.Rollback()
	}()
	time.Sleep(300 * time.Millisecond)
	released := time.Now()
	txA.Rollback()
	wg.Wait()
	if at := <-began; at.Before(released) {
		t.Errorf("second transaction began while the first held the write lock: not BEGIN IMMEDIATE")
	}
}

func TestOpenMemoryIsOneDatabase(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db, `CREATE TABLE a (id INT)`)
	// Concurrent users must all see the same in-memory database.
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM a`).Scan(&n); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestOpenErrorNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "app.db")
	_, err := Dialect{}.Open(context.Background(), &url.URL{Scheme: "sqlite", Path: path})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want one naming %s", err, path)
	}
}
