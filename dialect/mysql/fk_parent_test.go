package mysql

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/revision"
)

// notesOn is users and notes, notes.author_id referencing users(ref);
// extra goes into users.
func notesOn(ref, extra string) string {
	return fmt.Sprintf(`CREATE TABLE users (id INT NOT NULL, code INT NOT NULL, email VARCHAR(255) NOT NULL%s);
CREATE TABLE notes (id INT PRIMARY KEY, author_id INT NOT NULL, body TEXT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (%s));
`, extra, ref)
}

// TestFKNeverMissingWhenTheParentKeyChanges (issue #10): when the same
// revision changes the key the foreign key references, the parent's
// change runs first while the old key still has an index to use, and the
// key is swapped in one ALTER: an orphan row is refused throughout, and
// lint finds no gap.
func TestFKNeverMissingWhenTheParentKeyChanges(t *testing.T) {
	cases := []struct{ name, from, to string }{
		{"retargeted to a new unique key", notesOn("id", ", PRIMARY KEY (id), UNIQUE KEY users_code_old (email)"),
			notesOn("code", ", PRIMARY KEY (id), UNIQUE KEY users_code_old (email), UNIQUE KEY users_code (code)")},
		{"referenced primary key replaced", notesOn("id", ", PRIMARY KEY (id)"),
			notesOn("id", ", PRIMARY KEY (code, id), UNIQUE KEY users_id (id)")},
		{"referenced unique key replaced", notesOn("code", ", PRIMARY KEY (id), UNIQUE KEY users_code (code)"),
			notesOn("code", ", PRIMARY KEY (id), UNIQUE KEY users_code_email (code, email)")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, u := freshDB(t)
			schematest.Exec(t, db, renderDiff(t, nil, loadDesired(t, u, tc.from))...)
			schematest.Exec(t, db,
				"INSERT INTO users SELECT seq, seq, CONCAT('u', seq, '@x') FROM seq_1_to_1000",
				"INSERT INTO notes (id, author_id, body) SELECT seq, 1 + seq % 1000, 'note' FROM seq_1_to_100000")
			live := schematest.Reflect(t, Dialect{}, db)
			want := loadDesired(t, u, tc.to)
			ops, err := diff.Schemas(live, want, diffOpts)
			if err != nil {
				t.Fatal(err)
			}
			stmts, err := Dialect{}.Render(ops, live, dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var rev lint.Revision
			for i, s := range stmts {
				rev.Upgrade = append(rev.Upgrade, revision.Statement{SQL: s, Line: i + 1})
			}
			if gaps := lint.FKGaps(lint.Input{Capabilities: Dialect{}.Capabilities(), Pending: []lint.Revision{rev}}); len(gaps) > 0 {
				t.Errorf("lint finds a gap: %v\n%s", gaps, strings.Join(stmts, ";\n"))
			}
			upgradeUnderOrphanWriter(t, db, u, stmts)
			schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), want, diffOpts)
		})
	}
}
