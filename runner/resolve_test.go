package runner

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// A Go revision's unfinished run can be forgotten by the retort command,
// which cannot load Go revisions: forgetting needs only its id and the
// progress row, nothing of the revision. Every other decision still
// needs the revision.
func TestForgetRevisionNotInGraph(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		stepwiseOnly(t, tg)
		ctx := context.Background()
		full := newRunner(t, tg, u, rev{id: "c1", msg: "opaque", up: "CREATE TABLE items (id INTEGER PRIMARY KEY);\nTRUNCATE TABLE items;", down: "DROP TABLE items;"})
		if _, err := full.DB.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY)"); err != nil {
			t.Fatal(err)
		}
		inFlight(t, full, 2)
		cli := newRunner(t, tg, u, rev{id: "other1", msg: "other", up: "CREATE TABLE other (id INTEGER);", down: "DROP TABLE other;"})
		if err := cli.Resolve(ctx, "c1", Resolution{Retry: true}); err == nil || !strings.Contains(err.Error(), "c1") {
			t.Fatalf("retry of a revision the graph lacks: %v, want unknown revision", err)
		}
		if err := cli.Resolve(ctx, "c1", Resolution{Forget: true}); err != nil {
			t.Fatalf("forget by id: %v", err)
		}
		if err := cli.Resolve(ctx, "c1", Resolution{Forget: true}); err == nil || !strings.Contains(err.Error(), "c1") {
			t.Fatalf("forget again: %v, want an error naming c1", err)
		}
		// Forgetting starts the revision over, once its effects are undone.
		if _, err := full.DB.Exec("DROP TABLE items"); err != nil {
			t.Fatal(err)
		}
		if _, err := full.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("upgrade after forget: %v", err)
		}
		mustCurrent(t, full, "c1")
	})
}
