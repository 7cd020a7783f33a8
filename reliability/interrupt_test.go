//go:build unix

package reliability

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// interruptCase is one dialect's long statement and how to watch it on
// the server. The statement runs as long as sleep_for.n says, so the
// rerun uses the same file (a changed file would not resume on MySQL).
type interruptCase struct {
	slowStmt   string
	slow, fast int
	// running counts other sessions of the database still running a
	// statement ("" for SQLite, which has no server).
	running string
	// sleeping counts sessions running the slow statement.
	sleeping string
	// lockFree returns 1 when nobody holds the migration lock.
	lockFree string
}

var interruptCases = map[string]interruptCase{
	"postgres": {
		slowStmt: "UPDATE accounts SET balance = balance * 100 FROM (SELECT pg_sleep(n) FROM sleep_for) s",
		slow:     30,
		running:  "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'",
		sleeping: "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep%'",
		lockFree: "SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()",
	},
	"mysql": {
		slowStmt: "UPDATE accounts SET balance = balance * 100 WHERE SLEEP((SELECT n FROM sleep_for)) = 0",
		slow:     30,
		running:  "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND <> 'Sleep'",
		sleeping: "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO LIKE '%SLEEP((%'",
		lockFree: "SELECT IS_FREE_LOCK(LEFT(CONCAT('retort:', DATABASE()), 64))",
	},
	"sqlite": {
		slowStmt: "UPDATE accounts SET balance = balance * 100 WHERE (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < (SELECT n FROM sleep_for)) SELECT count(*) FROM c) > 0",
		slow:     200_000_000,
	},
}

// interruptRevisions are a base revision and the long one on top.
func interruptRevisions(slowStmt string) map[string]string {
	return map[string]string{
		"migrations/e00000000001_accounts.sql": `-- retort:revision e00000000001
-- retort:message accounts
-- +upgrade
CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, balance BIGINT NOT NULL);
INSERT INTO accounts (id, balance) VALUES (1, 7);
CREATE TABLE sleep_for (n BIGINT NOT NULL);
INSERT INTO sleep_for (n) VALUES (0);
-- +downgrade
DROP TABLE sleep_for;
DROP TABLE accounts;
`,
		"migrations/e00000000002_interest.sql": `-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message interest
-- +upgrade
` + slowStmt + `;
-- +downgrade
UPDATE accounts SET balance = balance / 100;
`,
	}
}

func TestInterruptPostgres(t *testing.T) {
	serverTarget(t, "postgres")
	interruptSignals(t, func() target { return serverTarget(t, "postgres") })
}

func TestInterruptMySQL(t *testing.T) {
	serverTarget(t, "mysql")
	interruptSignals(t, func() target { return serverTarget(t, "mysql") })
}

func TestInterruptSQLite(t *testing.T) {
	base := t.TempDir()
	n := 0
	interruptSignals(t, func() target { n++; return sqliteTarget(fmt.Sprintf("%s/i%d.sqlite", base, n)) })
}

func interruptSignals(t *testing.T, fresh func() target) {
	for _, sig := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
		t.Run(sig.name, func(t *testing.T) {
			tg := fresh()
			c := interruptCases[tg.dialect]
			work, ch, db := interruptSetup(t, tg, c)
			p := startRetort(t, work, args(tg, ch, "--verbose", "upgrade", "head")...)
			waitRunning(t, tg, c, db, p)
			sent := time.Now()
			if err := p.cmd.Process.Signal(sig.sig); err != nil {
				t.Fatalf("sending %s failed: %v", sig.name, err)
			}
			r := p.waitWithin(t, 20*time.Second)
			took := time.Since(sent)
			if r.code != sig.code {
				t.Errorf("after %s: want exit %d, got %s", sig.name, sig.code, r)
			}
			if took > 5*time.Second {
				t.Errorf("retort took %v to exit after %s, want under 5s", took, sig.name)
			}
			want := "retort: interrupted (" + sig.name + "): the running statement was cancelled on the server and rolled back; nothing after it ran"
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
			checkInterrupted(t, work, tg, ch, c, db)
		})
	}
}

// TestInterruptTwicePostgres: a second SIGINT exits at once, still 130.
// PostgreSQL's cancel takes 100ms or more (pgx waits after its cancel
// request), so the second signal arrives while the first is handled.
func TestInterruptTwicePostgres(t *testing.T) {
	tg := serverTarget(t, "postgres")
	c := interruptCases[tg.dialect]
	work, ch, db := interruptSetup(t, tg, c)
	p := startRetort(t, work, args(tg, ch, "--verbose", "upgrade", "head")...)
	waitRunning(t, tg, c, db, p)
	for range 2 {
		if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatalf("sending SIGINT failed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	r := p.waitWithin(t, 20*time.Second)
	if r.code != 130 {
		t.Fatalf("after two SIGINTs: want exit 130, got %s", r)
	}
	if !strings.Contains(r.stderr, "retort: interrupted again (SIGINT)") {
		t.Errorf("stderr does not say the second SIGINT forced the exit:\n%s", r.stderr)
	}
	if got := queryStrings(t, db, "SELECT revision FROM retort_version"); fmt.Sprint(got) != "[e00000000001]" {
		t.Errorf("retort_version holds %v, want [e00000000001]", got)
	}
}

// interruptSetup applies the base revision and arms the slow statement.
func interruptSetup(t *testing.T, tg target, c interruptCase) (string, chain, *sql.DB) {
	t.Helper()
	work := tempDir(t)
	writeFiles(t, work, interruptRevisions(c.slowStmt))
	ch := chain{dir: filepath.Join(work, "migrations"), order: []string{"e00000000001", "e00000000002"}}
	mustRun(t, work, args(tg, ch, "upgrade", "e00000000001")...)
	db := tg.open(t)
	if _, err := db.Exec(fmt.Sprintf("UPDATE sleep_for SET n = %d", c.slow)); err != nil {
		t.Fatal(err)
	}
	return work, ch, db
}

// waitRunning waits until the slow statement runs: on the server, seen
// in its process list; on SQLite, logged by --verbose a moment ago.
func waitRunning(t *testing.T, tg target, c interruptCase, db *sql.DB, p *proc) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if p.exited() {
			t.Fatalf("retort exited before the slow statement ran: %s", p.waitWithin(t, time.Second))
		}
		if c.sleeping == "" {
			if strings.Contains(p.stderrSoFar(), "balance * 100") {
				time.Sleep(500 * time.Millisecond)
				return
			}
		} else if queryStrings(t, db, c.sleeping)[0] != "0" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the slow statement did not start within 20s on %s; retort's output:\n%s", tg.dialect, p.stderrSoFar())
}

// checkInterrupted checks what an interrupted run left, then reruns it.
func checkInterrupted(t *testing.T, work string, tg target, ch chain, c interruptCase, db *sql.DB) {
	t.Helper()
	if c.running != "" {
		// A session the exiting process just closed may show for a moment
		// while the server ends it; a statement still running (30 s of
		// sleep) stays.
		got := queryStrings(t, db, c.running)[0]
		for deadline := time.Now().Add(3 * time.Second); got != "0" && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			got = queryStrings(t, db, c.running)[0]
		}
		if got != "0" {
			t.Errorf("%s session(s) of the interrupted run still run a statement on the server", got)
		}
		if got := queryStrings(t, db, c.lockFree)[0]; got != "1" {
			t.Errorf("the migration lock is still held after retort exited")
		}
	}
	if got := queryStrings(t, db, "SELECT balance FROM accounts"); fmt.Sprint(got) != "[7]" {
		t.Errorf("balance is %v after the interrupted run, want [7]", got)
	}
	if got := queryStrings(t, db, "SELECT revision FROM retort_version"); fmt.Sprint(got) != "[e00000000001]" {
		t.Errorf("retort_version holds %v after the interrupted run, want [e00000000001]", got)
	}
	if _, err := db.Exec(fmt.Sprintf("UPDATE sleep_for SET n = %d", c.fast)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if r := runWith(t, ctx, work, args(tg, ch, "upgrade", "head")...); r.code != 0 {
		t.Fatalf("rerun of upgrade head after the interruption (10s allowed): want exit 0, got %s", r)
	}
	if got := queryStrings(t, db, "SELECT balance FROM accounts"); fmt.Sprint(got) != "[700]" {
		t.Errorf("balance is %v after the rerun, want [700] (×100 exactly once)", got)
	}
	if got := queryStrings(t, db, "SELECT revision FROM retort_version"); fmt.Sprint(got) != "[e00000000002]" {
		t.Errorf("retort_version holds %v after the rerun, want [e00000000002]", got)
	}
}
