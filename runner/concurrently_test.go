package runner

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/revision"
)

// A unique index built CONCURRENTLY over duplicates fails and leaves an
// INVALID index behind; the runner drops it at once, so fixing the data
// and rerunning builds it, instead of failing on "already exists" (or, on
// resume, mistaking the invalid index for a finished one).
func TestConcurrentIndexFailureCleansUp(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		if tg.name != "postgres" {
			t.Skip("CREATE INDEX CONCURRENTLY is PostgreSQL's")
		}
		ctx := context.Background()
		revs := []rev{
			{id: "p1", msg: "accounts", up: "CREATE TABLE accounts (id int PRIMARY KEY, email text, balance int);", down: "DROP TABLE accounts;"},
			{id: "p2", parents: "p1", msg: "unique email",
				up:   "UPDATE accounts SET balance = balance * 100;\nCREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);",
				down: "DROP INDEX CONCURRENTLY accounts_email_key;\nUPDATE accounts SET balance = balance / 100;"},
		}
		r := newRunner(t, tg, u, revs...)
		if _, err := r.Upgrade(ctx, "p1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO accounts VALUES (1, 'a@x', 1), (2, 'a@x', 2)"); err != nil {
			t.Fatal(err)
		}
		_, err := r.Upgrade(ctx, "head")
		if err == nil || !strings.Contains(err.Error(), "statements 1..1 of 2 ran and were NOT rolled back") {
			t.Fatalf("err = %v, want the duplicate failure after statement 1", err)
		}
		var n int
		if err := r.DB.QueryRow("SELECT count(*) FROM pg_class WHERE relname = 'accounts_email_key'").Scan(&n); err != nil || n != 0 {
			t.Fatalf("indexes named accounts_email_key after the failure: %d %v (the invalid leftover must be dropped)", n, err)
		}
		if _, err := r.DB.Exec("UPDATE accounts SET email = 'b@x' WHERE id = 2"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("rerun after fixing the data: %v", err)
		}
		mustCurrent(t, r, "p2")
		var valid bool
		if err := r.DB.QueryRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass").Scan(&valid); err != nil || !valid {
			t.Fatalf("index valid = %v, %v", valid, err)
		}
		var sum int
		if err := r.DB.QueryRow("SELECT sum(balance) FROM accounts").Scan(&sum); err != nil || sum != 300 {
			t.Fatalf("sum(balance) = %d %v, want 300: the UPDATE, which committed with its progress, ran once", sum, err)
		}

		// Killed while the build ran and left an invalid index: the rerun
		// drops and rebuilds it.
		if _, err := r.Downgrade(ctx, "p1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO accounts VALUES (3, 'a@x', 3)"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)"); err == nil {
			t.Fatal("duplicate index build succeeded")
		}
		if _, err := r.DB.Exec("DELETE FROM accounts WHERE id = 3"); err != nil {
			t.Fatal(err)
		}
		conn, err := r.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		j, err := r.newJob(ctx, conn, r.Graph.Get("p2"), revision.Up)
		if err != nil {
			t.Fatal(err)
		}
		p := j.progressAt(1)
		p.inFlight = 2
		p.doneSum = sumOf(j.statements(), 2)
		if err := (book{r.Dialect}).putProgress(ctx, conn, "p2", p); err != nil {
			t.Fatal(err)
		}
		conn.Close()
		if _, err := r.DB.Exec("UPDATE accounts SET balance = balance * 100"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("resume over an invalid index: %v", err)
		}
		if err := r.DB.QueryRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass").Scan(&valid); err != nil || !valid {
			t.Fatalf("index valid = %v, %v after the resume", valid, err)
		}
		if err := r.DB.QueryRow("SELECT sum(balance) FROM accounts").Scan(&sum); err != nil || sum != 300 {
			t.Fatalf("sum(balance) = %d %v, want 300", sum, err)
		}
	})
}
