package runner

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// deferLast moves a revision's last body statement to Plan.Deferred, as
// PostgreSQL does with VALIDATE CONSTRAINT.
type deferLast struct{ dialect.Dialect }

func (d deferLast) Prepare(stmts []string) dialect.Plan {
	p := d.Dialect.Prepare(stmts)
	if n := len(p.Body); n > 1 {
		p.Deferred = append(p.Deferred, p.Body[n-1])
		p.Body = p.Body[:n-1]
	}
	return p
}

// TestDeferredFailureLeavesPending: the body and its record commit
// together; a failing deferred statement leaves the revision recorded with
// it pending, and a rerun runs only it (the body never twice).
func TestDeferredFailureLeavesPending(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		tg.d = deferLast{tg.d}
		revs := []rev{
			blocked[0],
			{id: "f2", parents: "f1", msg: "deferred",
				up:   "CREATE TABLE made (id INTEGER PRIMARY KEY);\nINSERT INTO made (id) VALUES (1);\nINSERT INTO blocker (id) VALUES (1);",
				down: "DROP TABLE made;"},
		}
		r := newRunner(t, tg, u, revs...)
		if _, err := r.Upgrade(ctx, "f1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		done, err := r.Upgrade(ctx, "head")
		if err == nil || !strings.Contains(err.Error(), "1 deferred statement(s) from this one on are pending") {
			t.Fatalf("err = %v, want the pending deferred statement explained", err)
		}
		if ids(done) != "f2" {
			t.Fatalf("reported applied %q, want f2 (its body is recorded)", ids(done))
		}
		mustCurrent(t, r, "f2")
		if _, err := r.DB.Exec("DELETE FROM blocker"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r, "f2")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM blocker").Scan(&n); err != nil || n != 1 {
			t.Fatalf("blocker rows %d %v: deferred statement not rerun", n, err)
		}
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM made").Scan(&n); err != nil || n != 1 {
			t.Fatalf("made rows %d %v: the body ran twice", n, err)
		}
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM retort_progress").Scan(&n); err != nil || n != 0 {
			t.Fatalf("progress rows %d %v after the validation finished", n, err)
		}
		// A pending validation does not block the downgrade.
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (5)"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Downgrade(ctx, "f1"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r, "f1")
	})
}
