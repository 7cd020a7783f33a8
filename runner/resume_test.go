package runner

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// crashRevs: a DDL, a data change, another DDL.
var crashRevs = []rev{
	{id: "c1", msg: "crash prone",
		up: "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20));\n" +
			"INSERT INTO items (id, name) VALUES (1, 'one');\n" +
			"CREATE INDEX items_name_idx ON items (name);",
		down: "DROP TABLE items;"},
}

// stepwiseOnly skips dialects whose revisions run in one transaction.
func stepwiseOnly(t *testing.T, tg target) {
	if tg.d.Capabilities().TransactionalDDL {
		t.Skip("transactional DDL: a crash rolls the whole revision back")
	}
}

// inFlight writes the progress row a process killed while statement n
// (1-based) of c1 ran would leave: its fingerprint taken before it.
func inFlight(t *testing.T, r *Runner, n int) {
	t.Helper()
	ctx := context.Background()
	conn, err := r.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	b := book{r.Dialect}
	if err := b.ensure(ctx, conn); err != nil {
		t.Fatal(err)
	}
	j, err := r.newJob(ctx, conn, r.Graph.Get("c1"), revision.Up)
	if err != nil {
		t.Fatal(err)
	}
	p := j.progressAt(n - 1)
	p.inFlight, p.doneSum = n, sumOf(j.statements(), n)
	if p.before, err = j.fingerprint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.putProgress(ctx, conn, "c1", p); err != nil {
		t.Fatal(err)
	}
}

// A process killed while an atomic DDL statement ran: the rerun compares
// the schema with the fingerprint taken before it and resumes after it
// when it committed, at it when it did not. Data statements commit with
// their progress, so they never run twice.
func TestResumeSettlesInFlightDDL(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		stepwiseOnly(t, tg)
		ctx := context.Background()
		r := newRunner(t, tg, u, crashRevs...)
		var log bytes.Buffer
		r.Log = &log

		// Killed during statement 1, which committed.
		inFlight(t, r, 1)
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))"); err != nil {
			t.Fatal(err)
		}
		done, err := r.Upgrade(ctx, "head")
		if err != nil || ids(done) != "c1" {
			t.Fatalf("resume after a committed statement 1: %s %v\n%s", ids(done), err, log.String())
		}
		if !strings.Contains(log.String(), "statement 1 had taken effect before the interruption") {
			t.Fatalf("log does not explain the settled statement:\n%s", log.String())
		}
		if _, err := r.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}

		// Killed during statement 1, which did not commit.
		inFlight(t, r, 1)
		log.Reset()
		if done, err = r.Upgrade(ctx, "head"); err != nil || ids(done) != "c1" {
			t.Fatalf("resume after an uncommitted statement 1: %s %v\n%s", ids(done), err, log.String())
		}
		if !strings.Contains(log.String(), "statement 1 had not taken effect before the interruption") {
			t.Fatalf("log does not explain the rerun statement:\n%s", log.String())
		}
		if _, err := r.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}

		// Statements 1 and 2 recorded; killed during the index, which committed.
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO items (id, name) VALUES (1, 'one')"); err != nil {
			t.Fatal(err)
		}
		inFlight(t, r, 3)
		if _, err := r.DB.Exec("CREATE INDEX items_name_idx ON items (name)"); err != nil {
			t.Fatal(err)
		}
		log.Reset()
		if done, err = r.Upgrade(ctx, "head"); err != nil || ids(done) != "c1" {
			t.Fatalf("resume: %s %v\n%s", ids(done), err, log.String())
		}
		mustCurrent(t, r, "c1")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM items").Scan(&n); err != nil || n != 1 {
			t.Fatalf("items rows = %d, %v", n, err)
		}
	})
}

// A fresh run never skips a failing statement, and neither does the rerun
// of a statement the server refused (issue: ALTER TABLE ... ADD email, ADD
// phone failed on email; the rerun skipped it and phone never existed).
func TestRefusedStatementIsNeverSkipped(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		stepwiseOnly(t, tg)
		ctx := context.Background()
		revs := []rev{
			{id: "u1", msg: "users", up: "CREATE TABLE users (id INTEGER PRIMARY KEY);", down: "DROP TABLE users;"},
			{id: "u2", parents: "u1", msg: "contact",
				up:   "ALTER TABLE users ADD COLUMN email VARCHAR(100), ADD COLUMN phone VARCHAR(20);",
				down: "ALTER TABLE users DROP COLUMN email, DROP COLUMN phone;"},
		}
		r := newRunner(t, tg, u, revs...)
		if _, err := r.Upgrade(ctx, "u1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("ALTER TABLE users ADD COLUMN email VARCHAR(100)"); err != nil {
			t.Fatal(err)
		}
		for run := 1; run <= 2; run++ {
			if _, err := r.Upgrade(ctx, "head"); err == nil {
				t.Fatalf("run %d: a statement that failed was skipped and the revision recorded", run)
			}
			mustCurrent(t, r, "u1")
		}
		if _, err := r.DB.Exec("SELECT phone FROM users"); err == nil {
			t.Fatal("phone exists although the ALTER failed")
		}
	})
}

// A statement whose effect the catalog cannot show stops the rerun and
// names retort resolve; it is never guessed.
func TestOpaqueInFlightNeedsResolve(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		stepwiseOnly(t, tg)
		if tg.d.Effect("TRUNCATE TABLE items") != dialect.EffectOpaque {
			t.Skip("TRUNCATE is not opaque here")
		}
		ctx := context.Background()
		revs := []rev{{id: "c1", msg: "opaque", up: "CREATE TABLE items (id INTEGER PRIMARY KEY);\nTRUNCATE TABLE items;", down: "DROP TABLE items;"}}
		r := newRunner(t, tg, u, revs...)
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY)"); err != nil {
			t.Fatal(err)
		}
		inFlight(t, r, 2)
		_, err := r.Upgrade(ctx, "head")
		if err == nil || !strings.Contains(err.Error(), "retort resolve c1 --skip-statement 2") {
			t.Fatalf("err = %v, want the resolve instructions", err)
		}
		mustCurrent(t, r)
		if err := r.Resolve(ctx, "c1", Resolution{SkipStatement: 1}); err == nil {
			t.Fatal("skipping a statement other than the next one was accepted")
		}
		if err := r.Resolve(ctx, "c1", Resolution{SkipStatement: 2, Retry: true}); err == nil {
			t.Fatal("two decisions at once were accepted")
		}
		if err := r.Resolve(ctx, "c1", Resolution{SkipStatement: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("upgrade after resolve --skip-statement: %v", err)
		}
		mustCurrent(t, r, "c1")
		if err := r.Resolve(ctx, "c1", Resolution{Retry: true}); err == nil || !strings.Contains(err.Error(), "no unfinished run") {
			t.Fatalf("resolve without an unfinished run: %v", err)
		}
		// --retry runs the statement again; --forget starts over.
		if _, err := r.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY)"); err != nil {
			t.Fatal(err)
		}
		inFlight(t, r, 2)
		if err := r.Resolve(ctx, "c1", Resolution{Retry: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("upgrade after resolve --retry: %v", err)
		}
		if _, err := r.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		inFlight(t, r, 2)
		if err := r.Resolve(ctx, "c1", Resolution{Forget: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("upgrade after resolve --forget (statement 1 runs again on an empty database): %v", err)
		}
		mustCurrent(t, r, "c1")
	})
}

// Killed after the last statement of a stepwise run, before the record
// committed: progress says every statement is done, so the rerun runs
// none of them again and only records the revision.
func TestResumeAfterLastStatement(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		stepwiseOnly(t, tg)
		ctx := context.Background()
		r := newRunner(t, tg, u, crashRevs...)
		for _, s := range strings.Split(crashRevs[0].up, ";\n") {
			if _, err := r.DB.Exec(strings.TrimSuffix(s, ";")); err != nil {
				t.Fatal(err)
			}
		}
		conn, err := r.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := book{r.Dialect}
		if err := b.ensure(ctx, conn); err != nil {
			t.Fatal(err)
		}
		j, err := r.newJob(ctx, conn, r.Graph.Get("c1"), revision.Up)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.saveProgress(ctx, conn, "c1", j.progressAt(len(j.statements()))); err != nil {
			t.Fatal(err)
		}
		conn.Close()
		if done, err := r.Upgrade(ctx, "head"); err != nil || ids(done) != "c1" {
			t.Fatalf("rerun: %s %v", ids(done), err)
		}
		mustCurrent(t, r, "c1")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM items").Scan(&n); err != nil || n != 1 {
			t.Fatalf("items rows = %d, %v: a statement ran again", n, err)
		}
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM retort_progress").Scan(&n); err != nil || n != 0 {
			t.Fatalf("progress rows = %d, %v after the record", n, err)
		}
	})
}
