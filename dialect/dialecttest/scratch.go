package dialecttest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
)

// Scratch is a server dialect whose LoadDesired makes scratch databases
// on the target's server, with what its scratch tests need to know.
type Scratch struct {
	Target
	// Name is the dialect's variable that names a new scratch database;
	// the tests wrap it to see the names.
	Name *func() string
	// Exists counts the databases named by its one parameter.
	Exists string
	// List lists the server's databases named like its one parameter.
	List string
	// Drop drops the database named name even while it is in use.
	Drop func(name string) string
	// Slow is a schema file whose last statement runs for seconds.
	Slow string
	// CrossDatabase: a session may hold a table of another database (a
	// MySQL database is a schema), so only the sweep's DROP finds a
	// stale database in use, and must not wait for it.
	CrossDatabase bool
	// CancelSlack bounds how much later than its cancellation a load
	// returns; 0 leaves it unchecked.
	CancelSlack time.Duration
}

// Watch records the names the dialect gives scratch databases until t
// ends.
func (s Scratch) Watch(t testing.TB) *[]string {
	var names []string
	orig := *s.Name
	*s.Name = func() string {
		n := orig()
		names = append(names, n)
		return n
	}
	t.Cleanup(func() { *s.Name = orig })
	return &names
}

// Has asks the server whether the database name is there.
func (s Scratch) Has(t testing.TB, db *sql.DB, name string) bool {
	t.Helper()
	var n int
	if err := db.QueryRow(s.Exists, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// fake creates a database with a scratch database's name, as a killed
// load would leave it; the test drops it.
func (s Scratch) fake(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	schematest.Exec(t, db, "CREATE DATABASE "+s.Dialect.Quote(name))
	t.Cleanup(func() { _, _ = db.Exec(s.Drop(name)) })
	return name
}

// own lists the databases this test process created with the scratch
// naming since start; other processes' ones have another pid.
func (s Scratch) own(t *testing.T, db *sql.DB, start time.Time) []string {
	t.Helper()
	rows, err := db.Query(s.List, dialect.ScratchLike)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	pid := "_" + strconv.Itoa(os.Getpid()) + "_"
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		if at, ok := dialect.ScratchTime(n); ok && !at.Before(start.Truncate(time.Second)) && strings.Contains(n, pid) {
			out = append(out, n)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// ScratchSweep checks that a load removes scratch databases older than
// ScratchStaleAfter that no session uses, and keeps recent ones (another
// load's), busy ones and names it cannot date. With CrossDatabase,
// "locked" is in use from a session whose current database is another
// one, so only the DROP finds out: it must give up quickly instead of
// holding the load up.
func ScratchSweep(t *testing.T, s Scratch) {
	ctx := context.Background()
	d := s.Dialect
	db, u := open(t, s.Target)
	now := time.Now()
	var b [6]byte
	_, _ = rand.Read(b[:])
	want := map[string]bool{
		s.fake(t, db, dialect.ScratchName(now.Add(-2*dialect.ScratchStaleAfter))): false,
		s.fake(t, db, dialect.ScratchName(now.Add(-time.Minute))):                 true,
		s.fake(t, db, dialect.ScratchPrefix+hex.EncodeToString(b[:])):             true,
	}
	busy := s.fake(t, db, dialect.ScratchName(now.Add(-3*dialect.ScratchStaleAfter)))
	want[busy] = true
	if s.CrossDatabase {
		locked := s.fake(t, db, dialect.ScratchName(now.Add(-4*dialect.ScratchStaleAfter)))
		want[locked] = true
		schematest.Exec(t, db, "CREATE TABLE "+d.Quote(locked)+".t (id INT)")
		ldb, err := d.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		defer ldb.Close()
		tx, err := ldb.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, "SELECT * FROM "+d.Quote(locked)+".t"); err != nil {
			t.Fatal(err)
		}
	}

	bu := *u
	bu.Path = "/" + busy
	bdb, err := d.Open(ctx, &bu)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := bdb.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	defer conn.Close()

	start := time.Now()
	if _, err := d.LoadDesired(ctx, u, "", []dialect.SourceFile{{Name: "s.sql", SQL: "CREATE TABLE t (id INT);"}}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); s.CrossDatabase && took > 10*time.Second {
		t.Errorf("the load took %v: it waited for the locked stale database", took)
	}
	for name, want := range want {
		if got := s.Has(t, db, name); got != want {
			t.Errorf("database %s exists = %v after a load, want %v", name, got, want)
		}
	}
}

// ScratchCancel checks that cancelling a load at any point, CREATE
// DATABASE included, leaves no scratch database behind (and, with
// CancelSlack, returns promptly). "reply held back" is Ctrl-C while the
// server has created the database but its reply is still on the way:
// the client sees only the cancellation. "mid-statement" leaves a
// statement running on the server, holding locks the drop must get past.
func ScratchCancel(t *testing.T, s Scratch) {
	db, u := open(t, s.Target)
	proxy := testdb.NewProxy(t, u.Host)
	slow := []dialect.SourceFile{{Name: "slow.sql", SQL: s.Slow}}
	cases := []struct {
		name     string
		atCreate bool          // cancel as the scratch database is named, just before CREATE DATABASE
		hold     time.Duration // hold the reply to CREATE DATABASE back this long, cancelling once the server is done
		after    time.Duration // else cancel this long after the load starts
	}{
		{name: "at create", atCreate: true},
		{name: "reply held back", hold: 2 * time.Second},
		{name: "after 1ms", after: time.Millisecond},
		{name: "after 10ms", after: 10 * time.Millisecond},
		{name: "after 30ms", after: 30 * time.Millisecond},
		{name: "after 100ms", after: 100 * time.Millisecond},
		{name: "mid-statement", after: 700 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			target := *u
			names := s.Watch(t)
			watched := *s.Name
			switch {
			case tc.atCreate:
				*s.Name = func() string { cancel(); return watched() }
			case tc.hold > 0:
				target.Host = proxy.Addr()
				proxy.HoldReply("CREATE DATABASE", tc.hold, cancel)
			default:
				time.AfterFunc(tc.after, cancel)
			}
			if _, err := s.Dialect.LoadDesired(ctx, &target, "", slow); err == nil {
				t.Fatal("a cancelled load succeeded")
			}
			if took := time.Since(start); s.CancelSlack > 0 && took > tc.after+tc.hold+s.CancelSlack {
				t.Errorf("the cancelled load took %v to return", took)
			}
			for _, n := range *names {
				if s.Has(t, db, n) {
					t.Errorf("scratch database %s left behind", n)
					_, _ = db.Exec(s.Drop(n))
				}
			}
			if left := s.own(t, db, start); len(left) > 0 {
				t.Errorf("scratch databases left behind: %v", left)
			}
		})
	}
}
