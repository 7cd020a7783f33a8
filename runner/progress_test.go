package runner

import (
	"context"
	"net/url"
	"testing"
)

// failInsert makes every INSERT into retort_progress fail, standing in
// for a process that dies between saveProgress's DELETE and INSERT.
var failInsert = map[string][]string{
	"sqlite": {`CREATE TRIGGER fail_progress BEFORE INSERT ON retort_progress BEGIN SELECT RAISE(ABORT, 'injected'); END`},
	"mysql":  {"CREATE TRIGGER fail_progress BEFORE INSERT ON retort_progress FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'"},
	"postgres": {
		`CREATE FUNCTION fail_progress() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'injected'; END$$`,
		`CREATE TRIGGER fail_progress BEFORE INSERT ON retort_progress FOR EACH ROW EXECUTE FUNCTION fail_progress()`,
	},
}

// Replacing a progress row outside a transaction (before and after a
// statement that commits on its own) is atomic: when the INSERT fails,
// the old row is still there, so a rerun never starts the revision over
// and runs its first statements twice.
func TestSaveProgressIsAtomic(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, crashRevs...)
		conn, err := r.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		b := book{r.Dialect}
		if err := b.ensure(ctx, conn); err != nil {
			t.Fatal(err)
		}
		if err := b.saveProgress(ctx, conn, "c1", progress{direction: "up", checksum: "x", done: 1}); err != nil {
			t.Fatal(err)
		}
		for _, s := range failInsert[tg.name] {
			if _, err := conn.ExecContext(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.saveProgress(ctx, conn, "c1", progress{direction: "up", checksum: "x", done: 2, inFlight: 3}); err == nil {
			t.Fatal("saveProgress succeeded through the failing trigger")
		}
		p, err := b.getProgress(ctx, conn, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if p == nil || p.done != 1 || p.inFlight != 0 {
			t.Fatalf("progress after a failed replace = %+v, want the old row (done 1)", p)
		}
	})
}
