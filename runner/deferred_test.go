package runner

import (
	"context"
	"net/url"
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

// TestDeferredFailureLeavesUnapplied: the body commits on its own, a
// failing deferred statement leaves the revision unrecorded, and a rerun
// redoes both.
func TestDeferredFailureLeavesUnapplied(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		tg.d = deferLast{tg.d}
		revs := []rev{
			blocked[0],
			{id: "f2", parents: "f1", msg: "deferred",
				up:   "CREATE TABLE IF NOT EXISTS made (id INTEGER PRIMARY KEY);\nINSERT INTO blocker (id) VALUES (1);",
				down: "DROP TABLE made;"},
		}
		r := newRunner(t, tg, u, revs...)
		if _, err := r.Upgrade(ctx, "f1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err == nil {
			t.Fatal("failing deferred statement did not fail the revision")
		}
		mustCurrent(t, r, "f1")
		if !hasTable(r.DB, "made") {
			t.Fatal("the body did not commit before the deferred statements")
		}
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
	})
}
