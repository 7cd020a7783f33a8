package postgres

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

// loadFakeScratch creates a database with a scratch database's name, as a
// killed load would leave it; the test drops it.
func loadFakeScratch(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	schematest.Exec(t, db, "CREATE DATABASE "+Dialect{}.Quote(name))
	t.Cleanup(func() { _, _ = db.Exec("DROP DATABASE IF EXISTS " + Dialect{}.Quote(name) + " WITH (FORCE)") })
	return name
}

// A load removes scratch databases older than ScratchStaleAfter that
// nobody is connected to, and keeps recent ones (another load's), busy
// ones and names it cannot date.
func TestLoadDesiredRemovesStaleScratch(t *testing.T) {
	ctx := context.Background()
	db, u := reflFresh(t, "")
	now := time.Now()
	var b [6]byte
	_, _ = rand.Read(b[:])
	stale := loadFakeScratch(t, db, dialect.ScratchName(now.Add(-2*dialect.ScratchStaleAfter)))
	recent := loadFakeScratch(t, db, dialect.ScratchName(now.Add(-time.Minute)))
	busy := loadFakeScratch(t, db, dialect.ScratchName(now.Add(-3*dialect.ScratchStaleAfter)))
	undated := loadFakeScratch(t, db, dialect.ScratchPrefix+hex.EncodeToString(b[:]))

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

	if _, err := (Dialect{}).LoadDesired(ctx, u, "", []dialect.SourceFile{{Name: "s.sql", SQL: "CREATE TABLE t (id int);"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want bool
	}{{stale, false}, {recent, true}, {busy, true}, {undated, true}} {
		if got := loadDatabaseExists(t, db, tc.name); got != tc.want {
			t.Errorf("database %s exists = %v after a load, want %v", tc.name, got, tc.want)
		}
	}
}

// loadOwnScratch lists the databases this test process created with the
// scratch naming since start; other processes' ones have another pid.
func loadOwnScratch(t *testing.T, db *sql.DB, start time.Time) []string {
	t.Helper()
	rows, err := db.Query(`SELECT datname FROM pg_database WHERE datname LIKE 'retort\_dev\_%'`)
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
// scratch database behind. "reply held back" is Ctrl-C while the server
// has created the database but its reply is still on the way: the client
// sees only the cancellation.
func TestLoadDesiredCancelledLeavesNoScratch(t *testing.T) {
	db, u := reflFresh(t, "")
	proxy := testdb.NewProxy(t, u.Host)
	slow := []dialect.SourceFile{{Name: "slow.sql", SQL: "CREATE TABLE s (id int);\nINSERT INTO s VALUES (1);\nSELECT pg_sleep(10) FROM s;\n"}}
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
			names := loadWatchScratch(t)
			watched := loadScratchName
			switch {
			case tc.atCreate:
				loadScratchName = func() string { cancel(); return watched() }
			case tc.hold > 0:
				target.Host = proxy.Addr()
				proxy.HoldReply("CREATE DATABASE", tc.hold, cancel)
			default:
				time.AfterFunc(tc.after, cancel)
			}
			if _, err := (Dialect{}).LoadDesired(ctx, &target, "", slow); err == nil {
				t.Fatal("a cancelled load succeeded")
			}
			for _, n := range *names {
				if loadDatabaseExists(t, db, n) {
					t.Errorf("scratch database %s left behind", n)
					_, _ = db.Exec("DROP DATABASE IF EXISTS " + Dialect{}.Quote(n) + " WITH (FORCE)")
				}
			}
			if left := loadOwnScratch(t, db, start); len(left) > 0 {
				t.Errorf("scratch databases left behind: %v", left)
			}
		})
	}
}
