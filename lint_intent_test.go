package retort_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testdb"
)

// intentDDL is what a loader module prints for the braindump's models
// once User.Notes says ON DELETE CASCADE: a relation hint, then the DDL.
const intentDDL = `-- retort:relation {"orm":"gorm","kind":"has-many","package":"example.com/m","model":"User","field":"Notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"fk_users_notes"}
CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY);
CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL,
  CONSTRAINT fk_users_notes FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE);
CREATE INDEX idx_notes_author_id ON notes (author_id);
`

// Lint compares the models' relations with the database on each server;
// the database's NO ACTION key against the model's CASCADE is an error
// naming the field, and the desired schema is loaded only when it
// carries relation hints.
func TestLintORMIntent(t *testing.T) {
	servers := []struct {
		name string
		url  func(testing.TB) string
	}{
		{"sqlite", func(t testing.TB) string { return "sqlite://" + filepath.Join(t.TempDir(), "app.db") }},
		{"postgres", func(t testing.TB) string { return testdb.Postgres(t).String() }},
		{"mysql", func(t testing.TB) string { return testdb.MySQL(t).String() }},
	}
	cases := []struct {
		name    string
		desired retort.Desired
		want    []string // parts of the one orm-intent finding; none when nil
		wantErr string
	}{
		{name: "the model's action differs", desired: retort.SQLFiles{{Name: "gorm:./models", SQL: intentDDL}},
			want: []string{"GORM has-many User.Notes: notes(author_id) -> users(id) is ON DELETE CASCADE in the model but ON DELETE NO ACTION in the database (foreign key fk_users_notes)"}},
		{name: "plain SQL without hints is not loaded", desired: retort.SQLFiles{{Name: "schema.sql", SQL: "THIS IS NOT SQL;"}}},
		{name: "no desired schema", desired: nil},
		{name: "a malformed hint", desired: retort.SQLFiles{{Name: "schema.sql", SQL: "-- retort:relation User.Notes\nCREATE TABLE t (id INTEGER);"}},
			wantErr: "schema.sql:1: "},
	}
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			ctx := context.Background()
			m, err := retort.Open(ctx, s.url(t), fstest.MapFS{}, retort.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			for _, stmt := range []string{
				"CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY)",
				"CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL, CONSTRAINT fk_users_notes FOREIGN KEY (author_id) REFERENCES users (id))",
				"CREATE INDEX idx_notes_author_id ON notes (author_id)",
			} {
				if _, err := retort.DBOf(m).ExecContext(ctx, stmt); err != nil {
					t.Fatalf("%s: %v", stmt, err)
				}
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					rep, err := m.Lint(ctx, retort.LintOptions{Desired: tc.desired})
					if tc.wantErr != "" {
						if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
							t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					var found []retort.LintFinding
					for _, f := range rep.Findings {
						if f.Rule == "orm-intent" {
							found = append(found, f)
						}
					}
					if tc.want == nil {
						if len(found) != 0 {
							t.Fatalf("findings %v, want no orm-intent", found)
						}
						return
					}
					if len(found) != 1 || found[0].Severity != retort.LintError || found[0].File != "gorm:./models" || !rep.HasErrors() {
						t.Fatalf("findings %v, want one orm-intent error in gorm:./models", rep.Findings)
					}
					for _, p := range tc.want {
						if !strings.Contains(found[0].Message, p) {
							t.Errorf("message lacks %q:\n%s", p, found[0].Message)
						}
					}
				})
			}
		})
	}
}
