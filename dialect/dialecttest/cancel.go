package dialecttest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// Sessions is how a test looks at a server's sessions.
type Sessions struct {
	// ID gives the current session's id.
	ID string
	// Count counts the sessions whose id is its one parameter.
	Count string
	// Locked counts the holders of the migration lock: 0 when it is free.
	Locked string
	// Sleep is a statement that runs for 30 seconds.
	Sleep string
	// InTransaction runs Sleep inside BEGIN ... ROLLBACK.
	InTransaction bool
}

// sessionID returns conn's session id.
func (s Sessions) sessionID(t *testing.T, ctx context.Context, conn *sql.Conn) int64 {
	t.Helper()
	var id int64
	if err := conn.QueryRowContext(ctx, s.ID).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// WatchCancel runs s.Sleep on a connection of db under the migration lock
// and d.WatchCancel, ends its context, and checks the server side: the
// statement stopped within 5s, the session ended, the lock is free.
func WatchCancel(t *testing.T, d dialect.Dialect, db *sql.DB, s Sessions) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stop, err := d.WatchCancel(ctx, db, conn)
	if err != nil {
		t.Fatal(err)
	}
	id := s.sessionID(t, ctx, conn)
	unlock, err := d.Lock(ctx, conn, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.InTransaction {
		if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
			t.Fatal(err)
		}
	}
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	if _, err := conn.ExecContext(ctx, s.Sleep); err == nil {
		t.Fatalf("%s returned no error although its context ended", s.Sleep)
	}
	if s.InTransaction {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
	}
	_ = unlock()
	if err := stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the cancel took %v, want under 5s", took)
	}
	var left, held int
	if err := db.QueryRow(s.Count, id).Scan(&left); err != nil || left != 0 {
		t.Errorf("session %d still exists after stop (%d rows, %v)", id, left, err)
	}
	if err := db.QueryRow(s.Locked).Scan(&held); err != nil || held != 0 {
		t.Errorf("the migration lock is still held after stop (%d holders, %v)", held, err)
	}
}

// WatchNotCancelled checks that a watch that ends normally leaves the
// connection as it was: the same session.
func WatchNotCancelled(t *testing.T, d dialect.Dialect, db *sql.DB, s Sessions) {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	before := s.sessionID(t, ctx, conn)
	stop, err := d.WatchCancel(ctx, db, conn)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	var after int64
	if err := conn.QueryRowContext(ctx, s.ID).Scan(&after); err != nil || after != before {
		t.Errorf("after stop the connection is session %d (%v), want the same session %d", after, err, before)
	}
}
