package mysql

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

// fakeScratch creates a database with a scratch database's name, as a
// killed load would leave it; the test drops it.
func fakeScratch(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	schematest.Exec(t, db, "CREATE DATABASE "+quote(name))
	t.Cleanup(func() { _, _ = db.Exec("DROP DATABASE IF EXISTS " + quote(name)) })
	return name
}

func databaseExists(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// A load removes scratch databases older than ScratchStaleAfter that no
// session uses, and keeps recent ones (another load's), busy ones and
// names it cannot date. "locked" is in use from a session whose current
// database is another one, so only the DROP finds out: it must give up
// quickly instead of holding the load up.
func TestLoadDesiredRemovesStaleScratch(t *testing.T) {
	ctx := context.Background()
	db, u := freshDB(t)
	now := time.Now()
	var b [6]byte
	_, _ = rand.Read(b[:])
	stale := fakeScratch(t, db, dialect.ScratchName(now.Add(-2*dialect.ScratchStaleAfter)))
	recent := fakeScratch(t, db, dialect.ScratchName(now.Add(-time.Minute)))
	busy := fakeScratch(t, db, dialect.ScratchName(now.Add(-3*dialect.ScratchStaleAfter)))
	undated := fakeScratch(t, db, dialect.ScratchPrefix+hex.EncodeToString(b[:]))
	locked := fakeScratch(t, db, dialect.ScratchName(now.Add(-4*dialect.ScratchStaleAfter)))
	schematest.Exec(t, db, "CREATE TABLE "+quote(locked)+".t (id INT)")
	ldb, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer ldb.Close()
	tx, err := ldb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT * FROM "+quote(locked)+".t"); err != nil {
		t.Fatal(err)
	}

	bu := *u
	bu.Path = "/" + busy
	bdb, err := Dialect{}.Open(ctx, &bu)
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
	if _, err := (Dialect{}).LoadDesired(ctx, u, "", []dialect.SourceFile{{Name: "s.sql", SQL: "CREATE TABLE t (id INT);"}}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the load took %v: it waited for the locked stale database", took)
	}
	for _, tc := range []struct {
		name string
		want bool
	}{{stale, false}, {recent, true}, {busy, true}, {undated, true}, {locked, true}} {
		if got := databaseExists(t, db, tc.name); got != tc.want {
			t.Errorf("database %s exists = %v after a load, want %v", tc.name, got, tc.want)
		}
	}
}

// ownScratch lists the databases this test process created with the
// scratch naming since start; other processes' ones have another pid.
func ownScratch(t *testing.T, db *sql.DB, start time.Time) []string {
	t.Helper()
	rows, err := db.Query(`SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'retort\_dev\_%'`)
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

// Cancelling a load at any point, CREATE DATABASE included, leaves no
// scratch database behind and returns promptly. "reply held back" is
// Ctrl-C while the server has created the database but its reply is still
// on the way: the client sees only the cancellation. "mid-statement"
// leaves a statement running on the server that holds a table lock the
// DROP DATABASE would wait for.
func TestLoadDesiredCancelledLeavesNoScratch(t *testing.T) {
	db, u := freshDB(t)
	proxy := testdb.NewProxy(t, u.Host)
	slow := []dialect.SourceFile{{Name: "slow.sql", SQL: "CREATE TABLE s (id INT);\nINSERT INTO s VALUES (1);\nSELECT SLEEP(20) FROM s;\n"}}
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
		{name: "mid-statement", after: 700 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			target := *u
			names := watchScratch(t)
			watched := newScratchName
			switch {
			case tc.atCreate:
				newScratchName = func() string { cancel(); return watched() }
			case tc.hold > 0:
				target.Host = proxy.Addr()
				proxy.HoldReply("CREATE DATABASE", tc.hold, cancel)
			default:
				time.AfterFunc(tc.after, cancel)
			}
			if _, err := (Dialect{}).LoadDesired(ctx, &target, "", slow); err == nil {
				t.Fatal("a cancelled load succeeded")
			}
			if took := time.Since(start); took > tc.after+tc.hold+2*time.Second {
				t.Errorf("the cancelled load took %v to return", took)
			}
			for _, n := range *names {
				if databaseExists(t, db, n) {
					t.Errorf("scratch database %s left behind", n)
					_, _ = db.Exec("DROP DATABASE IF EXISTS " + quote(n))
				}
			}
			if left := ownScratch(t, db, start); len(left) > 0 {
				t.Errorf("scratch databases left behind: %v", left)
			}
		})
	}
}
