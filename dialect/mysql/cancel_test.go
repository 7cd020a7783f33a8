package mysql

import (
	"context"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestWatchCancel runs a long statement under the migration lock, ends
// its context, and checks the server side: the statement stopped, the
// session ended, the lock is free.
func TestWatchCancel(t *testing.T) {
	db, err := Dialect{}.Open(context.Background(), testdb.MySQL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stop, err := Dialect{}.WatchCancel(ctx, db, conn)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&id); err != nil {
		t.Fatal(err)
	}
	unlock, err := Dialect{}.Lock(ctx, conn, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	if _, err := conn.ExecContext(ctx, "DO SLEEP(30)"); err == nil {
		t.Fatal("SLEEP(30) returned no error although its context ended")
	}
	_ = unlock()
	if err := stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the cancel took %v, want under 5s", took)
	}
	var left, free int
	if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", id).Scan(&left); err != nil || left != 0 {
		t.Errorf("thread %d still exists after stop (%d rows, %v)", id, left, err)
	}
	if err := db.QueryRow("SELECT IS_FREE_LOCK(" + lockExpr + ")").Scan(&free); err != nil || free != 1 {
		t.Errorf("the migration lock is still held after stop (IS_FREE_LOCK = %d, %v)", free, err)
	}
}

// TestWatchCancelNotCancelled: a watch that ends normally leaves the
// connection as it was.
func TestWatchCancelNotCancelled(t *testing.T) {
	db, err := Dialect{}.Open(context.Background(), testdb.MySQL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var before, after int64
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&before); err != nil {
		t.Fatal(err)
	}
	stop, err := Dialect{}.WatchCancel(ctx, db, conn)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&after); err != nil || after != before {
		t.Errorf("after stop the connection is thread %d (%v), want the same thread %d", after, err, before)
	}
}
