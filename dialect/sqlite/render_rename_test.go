package sqlite

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/op"
)

// TestRenderRenameInRebuild renames notes.author_id (in a foreign key, an
// index, a view and a trigger) while body turns NOT NULL, which needs a
// rebuild: the diff's rename folds into the rebuild, whose copy reads
// author_id into writer_id, so no value is lost either way.
func TestRenderRenameInRebuild(t *testing.T) {
	cur := rebuildFixture()
	want := cur.Clone()
	notes := op.Ref{Name: "notes"}
	if err := op.Apply(want, op.RenameColumn{Table: notes, Old: "author_id", New: "writer_id"}); err != nil {
		t.Fatal(err)
	}
	want.Table("", "notes").Column("body").Nullable = false
	want.Views[0].Def = strings.ReplaceAll(want.Views[0].Def, "author_id", "writer_id")
	want.Triggers[0].SQL = strings.ReplaceAll(want.Triggers[0].SQL, "author_id", "writer_id")
	ops, err := diff.Schemas(cur, want, diff.Options{Renames: []diff.Rename{{Table: "notes", Old: "author_id", New: "writer_id"}}})
	if err != nil {
		t.Fatal(err)
	}
	up, err := Dialect{}.Render(ops, cur, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(up, ";\n\n") + ";\n"
	golden.Check(t, filepath.Join("testdata", "render_rename_in_rebuild.golden"), got)
	if !strings.Contains(got, `SELECT "id", "author_id",`) || strings.Contains(got, "RENAME COLUMN") {
		t.Fatalf("the rebuild does not copy author_id into writer_id:\n%s", got)
	}

	db, seeded := rebuildSeeded(t)
	notesOf := func(col string) string {
		return strings.Join(prepQueryStrings(t, db, `SELECT id || ':' || `+col+` || ':' || body FROM notes ORDER BY id`), " ")
	}
	before := notesOf("author_id")
	after, err := rebuildMigrate(t, db, seeded, ops)
	if err != nil {
		t.Fatal(err)
	}
	if got := notesOf("writer_id"); got != before {
		t.Fatalf("after the upgrade notes are %s, want %s", got, before)
	}
	if n := prepQueryInt(t, db, `SELECT count(*) FROM note_authors`); n != 3 {
		t.Fatalf("the view sees %d notes, want 3", n)
	}
	if _, err := db.Exec(`INSERT INTO notes (writer_id, body) VALUES (99, 'x')`); err == nil {
		t.Fatal("the foreign key on the renamed column accepted an orphan")
	}
	if _, err := rebuildMigrate(t, db, after, op.ReverseAll(ops)); err != nil {
		t.Fatal(err)
	}
	if got := notesOf("author_id"); got != before {
		t.Fatalf("after the downgrade notes are %s, want %s", got, before)
	}
}
