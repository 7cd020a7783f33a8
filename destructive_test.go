package retort_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/sqlq"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
)

// TestUpgradeRefusesDestructive: a pending DROP COLUMN without the allow
// header is refused before anything is applied, naming the revision,
// file:line, column and rows; Options.AllowDestructive or the header
// lets it run.
func TestUpgradeRefusesDestructive(t *testing.T) {
	servers := []struct {
		name    string
		url     func(t *testing.T) string
		analyze string // makes the catalog's estimate known, "" when there is none
		rows    string // counted, since the estimate is below a million rows
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite://" + filepath.Join(t.TempDir(), "app.db") }, "", "3 rows"},
		{"postgres", func(t *testing.T) string { return testdb.Postgres(t).String() }, "ANALYZE notes", "3 rows"},
		{"mysql", func(t *testing.T) string { return testdb.MySQL(t).String() }, "", "3 rows"},
	}
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			ctx := context.Background()
			url := s.url(t)
			query := func(q string) string {
				t.Helper()
				var b bytes.Buffer
				if err := sqlq.Run(ctx, url, q, &b); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				return strings.TrimSpace(b.String())
			}
			revs := fstest.MapFS{
				"a1_notes.sql": {Data: revfile.Format(&revision.Revision{ID: "a1", Message: "notes"},
					"CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20));", "DROP TABLE notes;")},
				"a2_drop.sql": {Data: revfile.Format(&revision.Revision{ID: "a2", Parents: []string{"a1"}, Message: "drop body"},
					"CREATE TABLE other (id INTEGER NOT NULL PRIMARY KEY);\nALTER TABLE notes DROP COLUMN body;", "ALTER TABLE notes ADD COLUMN body VARCHAR(20);\nDROP TABLE other;")},
			}
			open := func(opts retort.Options) *retort.Migrator {
				m, err := retort.Open(ctx, url, revs, opts)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { m.Close() })
				return m
			}
			m := open(retort.Options{})
			if _, err := m.Upgrade(ctx, "a1"); err != nil {
				t.Fatal(err)
			}
			query("INSERT INTO notes (id, body) VALUES (1, 'a'), (2, 'b'), (3, 'c')")
			if s.analyze != "" {
				query(s.analyze)
			}

			done, err := m.Upgrade(ctx, "head")
			var de *retort.DestructiveError
			if !errors.Is(err, retort.ErrDestructive) || !errors.As(err, &de) || len(done) != 0 {
				t.Fatalf("Upgrade = %v, %v; want a *DestructiveError and nothing applied", done, err)
			}
			want := retort.Loss{Revision: "a2", File: "a2_drop.sql", Line: 7, Table: "notes", Column: "body"}
			if l := de.Losses; len(l) != 1 || l[0].Revision != want.Revision || l[0].File != want.File || l[0].Line != want.Line ||
				l[0].Table != want.Table || l[0].Column != want.Column || l[0].Rows != 3 {
				t.Errorf("Losses = %+v, want one like %+v with 3 rows", l, want)
			}
			if msg := err.Error(); !strings.Contains(msg, "revision a2 (a2_drop.sql:7): DROP COLUMN notes.body") || !strings.Contains(msg, "(column notes.body, "+s.rows+")") {
				t.Errorf("message does not name revision, line, column and %s:\n%s", s.rows, msg)
			}
			if cur, err := m.Current(ctx); err != nil || strings.Join(cur, ",") != "a1" {
				t.Errorf("Current = %v, %v; want a1", cur, err)
			}
			if got := query("SELECT body FROM notes WHERE id = 2"); got != "b" {
				t.Errorf("body of note 2 = %q after the refusal, want b", got)
			}
			if n := query("SELECT count(*) FROM notes"); n != "3" {
				t.Errorf("notes has %s rows, want 3", n)
			}

			if _, err := open(retort.Options{AllowDestructive: true}).Upgrade(ctx, "head"); err != nil {
				t.Fatalf("Upgrade with AllowDestructive: %v", err)
			}

			// A revision carrying the header runs without the option.
			revs["a3_drop_notes.sql"] = &fstest.MapFile{Data: revfile.Format(&revision.Revision{ID: "a3", Parents: []string{"a2"},
				Message: "drop notes", Allow: []string{"destructive"}}, "DROP TABLE notes;", "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY);")}
			if _, err := open(retort.Options{}).Upgrade(ctx, "head"); err != nil {
				t.Fatalf("Upgrade of a revision with the allow header: %v", err)
			}
		})
	}
}
