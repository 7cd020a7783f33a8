package runner

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
)

// crashRevs: a DDL, a data change, another DDL. Used to simulate a process
// killed after a statement took effect but before its progress was saved.
var crashRevs = []rev{
	{id: "c1", msg: "crash prone",
		up: "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20));\n" +
			"INSERT INTO items (id, name) VALUES (1, 'one');\n" +
			"CREATE INDEX items_name_idx ON items (name);",
		down: "DROP TABLE items;"},
}

// On a dialect whose DDL commits implicitly, a resumed run that meets the
// statement that was running when the process died, already applied,
// skips it instead of failing; data statements were recorded atomically
// with their progress, so they are never run twice.
func TestResumeAfterUnrecordedDDL(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		if tg.d.TransactionalDDL() {
			t.Skip("transactional DDL: a crash rolls the whole revision back")
		}
		ctx := context.Background()
		r := newRunner(t, tg, u, crashRevs...)
		for _, s := range tg.d.VersionTablesDDL() {
			if _, err := r.DB.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		checksum := r.Graph.Get("c1").Checksum
		// The first statement ran; the process died before recording it.
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO retort_progress (revision, direction, checksum, statements_done) VALUES ('c1', 'up', ?, 0)", checksum); err != nil {
			t.Fatal(err)
		}
		var log bytes.Buffer
		r.Log = &log
		// The CREATE TABLE had taken effect: the resumed run skips it.
		done, err := r.Upgrade(ctx, "head")
		if err != nil || ids(done) != "c1" {
			t.Fatalf("resume at statement 1: %s %v\n%s", ids(done), err, log.String())
		}
		if !strings.Contains(log.String(), "statement 1 had already taken effect before the interruption") {
			t.Fatalf("log does not explain the skipped statement:\n%s", log.String())
		}
		if _, err := r.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		// A fresh run (no progress row) never skips a failing statement.
		if _, err := r.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err == nil {
			t.Fatal("a run with no recorded progress skipped a failing statement")
		}
		// Now the data statement and the index ran, the index unrecorded.
		if _, err := r.DB.Exec("UPDATE retort_progress SET statements_done = 2"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO items (id, name) VALUES (1, 'one')"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("CREATE INDEX items_name_idx ON items (name)"); err != nil {
			t.Fatal(err)
		}
		log.Reset()
		done, err = r.Upgrade(ctx, "head")
		if err != nil || ids(done) != "c1" {
			t.Fatalf("resume: %s %v\n%s", ids(done), err, log.String())
		}
		if !strings.Contains(log.String(), "statement 3 had already taken effect before the interruption") {
			t.Fatalf("log does not explain the skipped statement:\n%s", log.String())
		}
		mustCurrent(t, r, "c1")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM items").Scan(&n); err != nil || n != 1 {
			t.Fatalf("items rows = %d, %v", n, err)
		}
	})
}
