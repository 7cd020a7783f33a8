package postgres

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

// sessions is how the tests look at PostgreSQL's backends. The sleep
// runs in a transaction, which the cancel must not leave open.
var sessions = dialecttest.Sessions{
	ID:            "SELECT pg_backend_pid()",
	Count:         "SELECT count(*) FROM pg_stat_activity WHERE pid = $1",
	Locked:        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
	Sleep:         "SELECT pg_sleep(30)",
	InTransaction: true,
}

// TestWatchCancel: the user's own pgx pool only closes the socket on a
// cancelled context; retort's Open sends a cancel request. Both stop the
// statement on the server.
func TestWatchCancel(t *testing.T) {
	u := testdb.Postgres(t)
	opens := map[string]func() (*sql.DB, error){
		"retort Open": func() (*sql.DB, error) { return Dialect{}.Open(context.Background(), u) },
		"user pool":   func() (*sql.DB, error) { return sql.Open("pgx", u.String()) },
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			db, err := open()
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			dialecttest.WatchCancel(t, Dialect{}, db, sessions)
		})
	}
}

func TestWatchCancelNotCancelled(t *testing.T) {
	dialecttest.WatchNotCancelled(t, Dialect{}, renderOpen(t), sessions)
}

// TestWatchCancelNoSecondConnection: a pool limited to one connection
// cannot reach the server to cancel; stop says so instead of claiming the
// statement stopped.
func TestWatchCancelNoSecondConnection(t *testing.T) {
	old := dialect.CancelWait
	dialect.CancelWait = time.Second
	defer func() { dialect.CancelWait = old }()
	db := renderOpen(t)
	db.SetMaxOpenConns(1)
	ctx, cancel := context.WithCancel(context.Background())
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stop, err := Dialect{}.WatchCancel(ctx, db, conn)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	var ce *dialect.CancelError
	if err := stop(); !errors.As(err, &ce) {
		t.Fatalf("stop = %v, want a *dialect.CancelError", err)
	}
}

// TestOpenCancelsOnContextEnd: on a connection from Open, an ended
// context stops the statement on the server and the connection survives
// for the ROLLBACK and the unlock (pgx's default closes the socket and
// leaves the server working).
func TestOpenCancelsOnContextEnd(t *testing.T) {
	db := renderOpen(t)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var pid, after int
	if err := conn.QueryRowContext(context.Background(), "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := conn.ExecContext(ctx, "SELECT pg_sleep(30)"); err == nil {
		t.Fatal("pg_sleep(30) returned no error although its context ended")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the statement took %v to return after its context ended", took)
	}
	var active bool
	if err := db.QueryRow("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active')", pid).Scan(&active); err != nil || active {
		t.Errorf("backend %d still runs a statement (%v)", pid, err)
	}
	if err := conn.QueryRowContext(context.Background(), "SELECT pg_backend_pid()").Scan(&after); err != nil || after != pid {
		t.Errorf("after the cancel the connection is backend %d (%v), want the same backend %d", after, err, pid)
	}
}
