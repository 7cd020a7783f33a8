package mysql

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

const usersNotes = `CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE);
CREATE TABLE notes (
  id INT PRIMARY KEY,
  author_id INT NOT NULL,
  body TEXT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id)%s
);
`

func loadDesired(t testing.TB, u interface{ String() string }, src string) *schema.Schema {
	t.Helper()
	pu, _, err := dialect.ParseURL(u.String())
	if err != nil {
		t.Fatal(err)
	}
	s, err := Dialect{}.LoadDesired(context.Background(), pu, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAcceptanceCascade is the braindump at library level: add ON DELETE
// CASCADE to a live key with data in place, in one ALTER, and back.
func TestAcceptanceCascade(t *testing.T) {
	db, u := freshDB(t)
	plain := loadDesired(t, u, strings.Replace(usersNotes, "%s", "", 1))
	schematest.Exec(t, db, renderDiff(t, nil, plain)...)
	schematest.Exec(t, db,
		"INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')",
		"INSERT INTO notes VALUES (1, 1, 'one'), (2, 1, 'two'), (3, 2, 'three')")
	live := schematest.Reflect(t, Dialect{}, db)
	schematest.NoDiff(t, live, plain, diffOpts)

	cascade := loadDesired(t, u, strings.Replace(usersNotes, "%s", " ON DELETE CASCADE", 1))
	ops, up := schematest.Migration(t, Dialect{}, live, cascade, diffOpts)
	// Each ALTER swaps the old key for the new one, so notes never lacks
	// a key (MariaDB refuses the same name dropped and added in one ALTER);
	// only the actions change, so both run in place.
	want := []string{
		"SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey`, ADD CONSTRAINT `notes_author_id_fkey__retort_swap` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=NOCOPY, LOCK=NONE",
		"SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey__retort_swap`, ADD CONSTRAINT `notes_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=NOCOPY, LOCK=NONE",
	}
	if strings.Join(up, ";\n") != strings.Join(want, ";\n") {
		t.Fatalf("upgrade SQL:\n%s\nwant:\n%s", strings.Join(up, ";\n"), strings.Join(want, ";\n"))
	}
	for _, s := range up {
		schematest.Exec(t, db, s)
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'notes'"); n != 1 {
			t.Fatalf("after %s: notes has %d foreign keys, want 1", s, n)
		}
	}
	if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 3 {
		t.Fatalf("notes after upgrade = %d, want all 3 kept", n)
	}
	upgraded := schematest.Reflect(t, Dialect{}, db)
	schematest.NoDiff(t, upgraded, cascade, diffOpts)

	// Reverse restores the plain key; the cascade works until then.
	down, err := Dialect{}.Render(op.ReverseAll(ops), upgraded, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	schematest.Exec(t, db, "DELETE FROM users WHERE id = 1")
	if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 1 {
		t.Fatalf("notes after deleting user 1 = %d, want 1 (cascade)", n)
	}
	schematest.Exec(t, db, down...)
	schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), plain, diffOpts)
	if _, err := db.Exec("DELETE FROM users WHERE id = 2"); err == nil {
		t.Fatal("after downgrade, deleting a referenced user should fail")
	}
	if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 1 {
		t.Fatalf("notes after downgrade = %d, want 1", n)
	}
}

// TestDropFKLeavesNoStrayIndex: dropping a key also drops the index InnoDB
// made for it, so the next diff is empty; the reverse brings both back.
func TestDropFKLeavesNoStrayIndex(t *testing.T) {
	db, u := freshDB(t)
	with := loadDesired(t, u, strings.Replace(usersNotes, "%s", "", 1))
	schematest.Exec(t, db, renderDiff(t, nil, with)...)
	without := loadDesired(t, u, "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE);\nCREATE TABLE notes (id INT PRIMARY KEY, author_id INT NOT NULL, body TEXT);")
	live := schematest.Reflect(t, Dialect{}, db)
	ops, up := schematest.Migration(t, Dialect{}, live, without, diffOpts)
	schematest.Exec(t, db, up...)
	after := schematest.Reflect(t, Dialect{}, db)
	schematest.NoDiff(t, after, without, diffOpts)
	if n := schematest.Count(t, db, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'notes' AND INDEX_NAME <> 'PRIMARY'"); n != 0 {
		t.Fatalf("stray index left on notes (SQL: %s)", strings.Join(up, "; "))
	}
	down, err := Dialect{}.Render(op.ReverseAll(ops), after, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	schematest.Exec(t, db, down...)
	schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), with, diffOpts)
}

// TestRenameFKOneAlter: a key renamed (different names) is dropped and
// added in one ALTER, which MariaDB accepts.
func TestRenameFKOneAlter(t *testing.T) {
	db, u := freshDB(t)
	s := loadDesired(t, u, strings.Replace(usersNotes, "%s", "", 1))
	schematest.Exec(t, db, renderDiff(t, nil, s)...)
	live := schematest.Reflect(t, Dialect{}, db)
	stmts, err := Dialect{}.Render([]op.Op{op.RenameConstraint{Table: op.Ref{Name: "notes"}, Kind: "fk", Old: "notes_author_id_fkey", New: "notes_author_fk"}}, live, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 1 {
		t.Fatalf("want one ALTER, got %q", stmts)
	}
	schematest.Exec(t, db, stmts...)
	got := dump(schematest.Reflect(t, Dialect{}, db))
	if !strings.Contains(got, "fk notes_author_fk [author_id] -> users[id]") {
		t.Fatalf("key not renamed:\n%s", got)
	}
}
