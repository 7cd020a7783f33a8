package retort_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/op"
)

// The operations Autogenerate returns carry its decision to build an
// index on a big table without blocking writes (Online), so a Go
// revision made of them runs the same statements as the SQL revision:
// on PostgreSQL CONCURRENTLY for the big table and not the small one,
// stepwise; elsewhere nothing is Online and nothing changes.
func TestAutogenerateGoRevisionKeepsOnline(t *testing.T) {
	want := map[string]struct {
		online   []string // index operations with Online set
		up, down []string // statements the run must show
		never    string   // a word no statement may hold
	}{
		"postgres": {
			online: []string{"create index big_body_id_key on big", "create index big_body_idx on big"},
			up: []string{"CREATE INDEX CONCURRENTLY big_body_idx ON big (body);",
				"CREATE UNIQUE INDEX CONCURRENTLY big_body_id_key ON big (body, id);", "CREATE INDEX small_body_idx ON small (body);"},
			down: []string{"DROP INDEX CONCURRENTLY big_body_idx;", "DROP INDEX CONCURRENTLY big_body_id_key;", "DROP INDEX small_body_idx;"},
		},
		"mysql":  {never: "CONCURRENTLY"},
		"sqlite": {never: "CONCURRENTLY"},
	}
	eachDialect(t, func(t *testing.T, name string) {
		ctx := context.Background()
		url, dir := freshURL(t, name), t.TempDir()
		m, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		db := retort.DBOf(m)
		exec(t, db, "CREATE TABLE big (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL)")
		exec(t, db, "CREATE TABLE small (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL)")
		exec(t, db, insertRows("big", bigTableRows))
		exec(t, db, insertRows("small", 10))
		desired := retort.SQLFiles{{Name: "schema.sql", SQL: bigTableDDL}}
		_, _, ops, err := m.Autogenerate(ctx, desired, retort.AutogenerateOptions{BigTable: bigTableRows})
		if err != nil {
			t.Fatal(err)
		}
		w := want[name]
		var online []string
		for _, o := range ops {
			if ci, ok := o.(op.CreateIndex); ok && ci.Online {
				online = append(online, o.String())
			}
		}
		sort.Strings(online)
		if strings.Join(online, "\n") != strings.Join(w.online, "\n") {
			t.Errorf("Online operations:\n%s\nwant:\n%s", strings.Join(online, "\n"), strings.Join(w.online, "\n"))
		}

		var log strings.Builder
		gm, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{Log: &log, Verbose: true, GoRevisions: []*retort.GoRevision{{
			ID: "0a11ce000001", Message: "indexes",
			Up:   func(_ context.Context, o *op.Builder) error { return o.Add(ops...) },
			Down: func(_ context.Context, o *op.Builder) error { return o.Add(op.ReverseAll(ops)...) },
		}}})
		if err != nil {
			t.Fatal(err)
		}
		defer gm.Close()
		for _, step := range []struct {
			name  string
			run   func() error
			wants []string
		}{
			{"upgrade", func() error { _, err := gm.Upgrade(ctx, "head"); return err }, w.up},
			{"downgrade", func() error { _, err := gm.Downgrade(ctx, "base"); return err }, w.down},
		} {
			log.Reset()
			// CONCURRENTLY inside a transaction fails: success shows
			// the run went stepwise.
			if err := step.run(); err != nil {
				t.Fatalf("%s: %v\n%s", step.name, err, log.String())
			}
			for _, s := range step.wants {
				if !strings.Contains(log.String(), "    "+s+"\n") {
					t.Errorf("%s did not run %q:\n%s", step.name, s, log.String())
				}
			}
			if w.never != "" && strings.Contains(strings.ToUpper(log.String()), w.never) {
				t.Errorf("%s ran %s:\n%s", step.name, w.never, log.String())
			}
			if step.name != "upgrade" {
				continue
			}
			rep, err := gm.Check(ctx, desired)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Clean() {
				t.Errorf("check after the Go revision is not clean: %+v", rep)
			}
		}
	})
}
