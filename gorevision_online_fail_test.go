package retort_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/op"
)

// An online Go revision runs stepwise on PostgreSQL, so it can stop part
// way: here the second CONCURRENTLY build fails (duplicate values). The
// first index stays, once; the revision is not recorded as applied; and
// a second upgrade refuses to run it again (a Go revision's statements
// are rendered from the live schema, so it cannot resume by number)
// instead of building the first index twice, naming retort_progress and
// retort resolve rather than what rendering the Up function against the
// half-changed schema says ("index ... already exists").
func TestGoRevisionOnlineStopsPartWay(t *testing.T) {
	ctx := context.Background()
	url, dir := freshURL(t, "postgres"), t.TempDir()
	m, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	db := retort.DBOf(m)
	exec(t, db, "CREATE TABLE big (id int PRIMARY KEY, body text NOT NULL)")
	exec(t, db, "INSERT INTO big VALUES (1, 'same'), (2, 'same')")
	rev := &retort.GoRevision{
		ID: "0a11ce000002", Message: "indexes",
		Up: func(_ context.Context, o *op.Builder) error {
			if err := o.Online().CreateIndex("big_id_body_idx", "big", "id", "body"); err != nil {
				return err
			}
			return o.Online().CreateUniqueIndex("big_body_key", "big", "body")
		},
		Down: func(_ context.Context, o *op.Builder) error {
			if err := o.Online().DropIndex("big", "big_body_key"); err != nil {
				return err
			}
			return o.Online().DropIndex("big", "big_id_body_idx")
		},
	}
	gm, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{GoRevisions: []*retort.GoRevision{rev}})
	if err != nil {
		t.Fatal(err)
	}
	defer gm.Close()
	indexes := func() string {
		t.Helper()
		var s string
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(string_agg(c.relname || ':' || x.indisvalid, ',' ORDER BY c.relname), '')
			FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname LIKE 'big\_%' AND NOT x.indisprimary`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	current := func() string {
		t.Helper()
		heads, err := gm.Current(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(heads, ",")
	}

	_, err = gm.Upgrade(ctx, "head")
	if err == nil || !strings.Contains(err.Error(), "big_body_key") {
		t.Fatalf("upgrade: %v; want the failing CREATE UNIQUE INDEX named", err)
	}
	if c := current(); c != "" {
		t.Fatalf("after the failure the database is at %q; want base: nothing recorded as applied", c)
	}
	// What check and info say of the run: a rerun only refuses, so not
	// "rerun it".
	us, err := gm.Unfinished(ctx)
	if err != nil || len(us) != 1 {
		t.Fatalf("unfinished: %v, %v; want the Go revision's run", us, err)
	}
	if s := us[0].String(); !strings.Contains(s, "Go revision 0a11ce000002") || !strings.Contains(s, "cannot resume") ||
		!strings.Contains(s, "retort resolve 0a11ce000002 --forget") || !strings.Contains(s, "Migrator.Stamp") || strings.Contains(s, "rerun") {
		t.Fatalf("unfinished run described as %q; want that it cannot resume, with resolve --forget and Stamp", s)
	}
	after := indexes()
	if !strings.HasPrefix(after, "big_body_key:false,big_id_body_idx:true") && after != "big_id_body_idx:true" {
		t.Fatalf("indexes after the failure: %s; want big_id_body_idx built once (and at most the invalid big_body_key PostgreSQL leaves)", after)
	}

	_, err = gm.Upgrade(ctx, "head")
	if err == nil || !strings.Contains(err.Error(), "cannot resume") || !strings.Contains(err.Error(), "retort resolve 0a11ce000002") {
		t.Fatalf("second upgrade: %v; want a refusal to resume the partly run Go revision", err)
	}
	if again := indexes(); again != after {
		t.Fatalf("the refused upgrade changed the indexes: %s, was %s", again, after)
	}
	if c := current(); c != "" {
		t.Fatalf("after the refusal the database is at %q; want base", c)
	}
}
