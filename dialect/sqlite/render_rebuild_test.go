package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// rebuildSeeded creates the fixture through Render and fills it.
func rebuildSeeded(t *testing.T) (*sql.DB, *schema.Schema) {
	t.Helper()
	db := rebuildOpenDB(t)
	cur, err := rebuildMigrate(t, db, &schema.Schema{}, rebuildCreateOps(rebuildFixture()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`INSERT INTO users (id, email) VALUES (1, 'a@x'), (2, 'b@x'), (3, 'c@x')`,
		`INSERT INTO notes (author_id, parent_id, body) VALUES (1, NULL, 'one'), (1, 1, 'two'), (2, NULL, 'three'), (3, 3, 'four')`,
		`DELETE FROM users WHERE id = 3`, // cascades to note 4; ids 3 and 4 are never to be reused
		`INSERT INTO members VALUES ('o', 1), ('o', 2)`,
		`INSERT INTO acl VALUES ('o', 1, 'rw'), ('o', 2, 'r')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return db, cur
}

func rebuildDump(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id || ':' || author_id || ':' || ifnull(parent_id, '-') || ':' || body || ':' || size FROM notes ORDER BY id`,
		`SELECT id || ':' || email FROM users ORDER BY id`,
		`SELECT org || ':' || user_id FROM members ORDER BY 1`,
		`SELECT rowid || ':' || org || ':' || user_id || ':' || level FROM acl ORDER BY rowid`,
		`SELECT id || ':' || email FROM note_authors ORDER BY 1`,
	} {
		b.WriteString(strings.Join(prepQueryStrings(t, db, q), " ") + "\n")
	}
	return b.String()
}

func rebuildObjects(t *testing.T, db *sql.DB) []string {
	return prepQueryStrings(t, db, `SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`)
}

func TestRebuildParentKeepsCascadeChildren(t *testing.T) {
	db, cur := rebuildSeeded(t)
	before, objs := rebuildDump(t, db), rebuildObjects(t, db)
	users := op.Ref{Name: "users"}
	// users is the parent of notes ON DELETE CASCADE: with foreign keys on,
	// its DROP TABLE would delete every note.
	ops := []op.Op{
		op.AlterColumn{Table: users, From: cur.Table("", "users").Column("email"),
			To: &schema.Column{Name: "email", Type: "VARCHAR(200)", Collation: "NOCASE"}},
		op.AddCheck{Table: users, Check: &schema.Check{Name: "users_email_check", Expr: "email LIKE '%@%'"}},
	}
	if _, err := rebuildMigrate(t, db, cur, ops); err != nil {
		t.Fatal(err)
	}
	if got := rebuildDump(t, db); got != before {
		t.Fatalf("data changed:\n%s\nwant\n%s", got, before)
	}
	if got := rebuildObjects(t, db); strings.Join(got, ",") != strings.Join(objs, ",") {
		t.Fatalf("objects %v, want %v", got, objs)
	}
	// The child's key still points at the rebuilt users and still cascades.
	if sqlText := prepQueryStrings(t, db, `SELECT sql FROM sqlite_master WHERE name = 'notes'`)[0]; !strings.Contains(sqlText, `REFERENCES "users"`) {
		t.Fatalf("notes lost its reference: %s", sqlText)
	}
	if _, err := db.Exec(`DELETE FROM users WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	if n := prepQueryInt(t, db, `SELECT count(*) FROM notes WHERE author_id = 2`); n != 0 {
		t.Fatalf("cascade no longer works: %d notes left", n)
	}
	if _, err := db.Exec(`INSERT INTO users (email) VALUES ('nope')`); err == nil {
		t.Fatal("new check not enforced")
	}
	// The rebuilt users is still the parent: a dangling note is refused.
	if _, err := db.Exec(`INSERT INTO notes (author_id) VALUES (99)`); err == nil {
		t.Fatal("foreign key not enforced after rebuild")
	}
}

func TestRebuildChildKeepsEverything(t *testing.T) {
	db, cur := rebuildSeeded(t)
	before, objs := rebuildDump(t, db), rebuildObjects(t, db)
	notes := op.Ref{Name: "notes"}
	ops := []op.Op{
		op.DropForeignKey{Table: notes, FK: cur.Table("", "notes").ForeignKeys[0]},
		op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"},
			RefTable: "users", RefColumns: []string{"id"}, OnDelete: "RESTRICT"}},
		op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Columns: []string{"parent_id"},
			RefTable: "notes", RefColumns: []string{"id"}, OnDelete: "SET NULL"}},
	}
	if _, err := rebuildMigrate(t, db, cur, ops); err != nil {
		t.Fatal(err)
	}
	if got := rebuildDump(t, db); got != before {
		t.Fatalf("data changed:\n%s\nwant\n%s", got, before)
	}
	if got := rebuildObjects(t, db); strings.Join(got, ",") != strings.Join(objs, ",") {
		t.Fatalf("objects %v, want %v", got, objs)
	}
	// AUTOINCREMENT keeps counting past the deleted note 4.
	if _, err := db.Exec(`INSERT INTO notes (author_id, body) VALUES (1, 'five')`); err != nil {
		t.Fatal(err)
	}
	if id := prepQueryInt(t, db, `SELECT max(id) FROM notes`); id != 5 {
		t.Fatalf("new note got id %d, want 5", id)
	}
	if _, err := db.Exec(`DELETE FROM users WHERE id = 1`); err == nil {
		t.Fatal("RESTRICT not in force")
	}
	if _, err := db.Exec(`DELETE FROM notes WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if p := prepQueryStrings(t, db, `SELECT ifnull(parent_id, 'null') FROM notes WHERE id = 2`); p[0] != "null" {
		t.Fatalf("self reference SET NULL not in force: %v", p)
	}
	// Triggers survived and still fire.
	if _, err := db.Exec(`UPDATE notes SET body = 'x' WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
}

func TestRebuildViolationRollsBack(t *testing.T) {
	db, cur := rebuildSeeded(t)
	before, objs := rebuildDump(t, db), rebuildObjects(t, db)
	if _, err := db.Exec(`INSERT INTO acl VALUES ('o', 7, 'x')`); err != nil {
		t.Fatal(err)
	}
	// acl (o, 7) has no member row: the new composite key is violated.
	acl := op.Ref{Name: "acl"}
	ops := []op.Op{op.AddForeignKey{Table: acl, FK: &schema.ForeignKey{
		Columns: []string{"org", "user_id"}, RefTable: "members", RefColumns: []string{"org", "user_id"}}}}
	_, err := rebuildMigrate(t, db, cur, ops)
	if err == nil || !strings.Contains(err.Error(), "acl rowid 3 references missing members row") {
		t.Fatalf("error %v, want a foreign key violation naming acl rowid 3", err)
	}
	if _, err := db.Exec(`DELETE FROM acl WHERE user_id = 7`); err != nil {
		t.Fatal(err)
	}
	if got := rebuildObjects(t, db); strings.Join(got, ",") != strings.Join(objs, ",") {
		t.Fatalf("objects %v, want %v (no _retort_new_ table)", got, objs)
	}
	if got := rebuildDump(t, db); got != before {
		t.Fatalf("data changed:\n%s\nwant\n%s", got, before)
	}
	// Foreign keys are back on for the connection afterwards.
	if _, err := db.Exec(`INSERT INTO notes (author_id) VALUES (99)`); err == nil {
		t.Fatal("foreign keys left off")
	}
}

func TestRebuildDowngradeRestores(t *testing.T) {
	db, cur := rebuildSeeded(t)
	ctx := context.Background()
	orig, err := Dialect{}.Reflect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	before := rebuildDump(t, db)
	notes, acl := op.Ref{Name: "notes"}, op.Ref{Name: "acl"}
	ops := []op.Op{
		op.AddColumn{Table: notes, Column: &schema.Column{Name: "title", Type: "TEXT", Default: rebuildStrp("'untitled'")}},
		op.DropIndex{Table: notes, Index: cur.Table("", "notes").Index("notes_author_id_idx")},
		op.AlterColumn{Table: notes, From: cur.Table("", "notes").Column("body"), To: &schema.Column{Name: "body", Type: "TEXT", Default: rebuildStrp("''")}},
		op.RenameColumn{Table: acl, Old: "level", New: "grade"},
		op.AddForeignKey{Table: acl, FK: &schema.ForeignKey{Name: "acl_member_fkey",
			Columns: []string{"org", "user_id"}, RefTable: "members", RefColumns: []string{"org", "user_id"}, OnDelete: "CASCADE"}},
		op.CreateIndex{Table: acl, Index: &schema.Index{Name: "acl_grade_idx", Parts: []schema.IndexPart{{Expr: "lower(grade)"}}}},
	}
	up, err := rebuildMigrate(t, db, cur, ops)
	if err != nil {
		t.Fatal(err)
	}
	if n := prepQueryInt(t, db, `SELECT count(*) FROM notes WHERE title = 'untitled'`); n != 3 {
		t.Fatalf("%d notes titled", n)
	}
	if _, err := rebuildMigrate(t, db, up, op.ReverseAll(ops)); err != nil {
		t.Fatal(err)
	}
	back, err := Dialect{}.Reflect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.MarshalIndent(orig, "", " ")
	b, _ := json.MarshalIndent(back, "", " ")
	if rebuildNormalize(string(a)) != rebuildNormalize(string(b)) {
		t.Fatalf("downgrade did not restore the schema:\n%s\nwant\n%s", b, a)
	}
	if got := rebuildDump(t, db); got != before {
		t.Fatalf("data changed:\n%s\nwant\n%s", got, before)
	}
}

// rebuildNormalize drops the kept CREATE text, which a rebuild rewrites
// by design, from a reflected schema's JSON.
func rebuildNormalize(js string) string {
	var s schema.Schema
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		return js
	}
	for _, t := range s.Tables {
		t.SQL = ""
		for _, ix := range t.Indexes {
			ix.SQL = ""
		}
	}
	out, _ := json.MarshalIndent(&s, "", " ")
	return string(out)
}

// With legacy_alter_table on, RENAME rewrites no references; the rebuild
// must still leave children pointing at the rebuilt parent.
func TestRebuildParentLegacyAlterTable(t *testing.T) {
	for _, extra := range []string{"", "&_pragma=legacy_alter_table(1)"} {
		db := rebuildOpenDBWith(t, extra)
		cur, err := rebuildMigrate(t, db, &schema.Schema{}, rebuildCreateOps(rebuildFixture()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO users (id, email) VALUES (1, 'a@x'); INSERT INTO notes (author_id, body) VALUES (1, 'x')`); err != nil {
			t.Fatal(err)
		}
		ops := []op.Op{op.AddCheck{Table: op.Ref{Name: "users"}, Check: &schema.Check{Name: "c", Expr: "id > 0"}}}
		if _, err := rebuildMigrate(t, db, cur, ops); err != nil {
			t.Fatalf("%s: %v", extra, err)
		}
		if s := prepQueryStrings(t, db, `SELECT sql FROM sqlite_master WHERE name = 'notes'`)[0]; !strings.Contains(s, `REFERENCES "users"`) {
			t.Fatalf("%s: child key text is %s", extra, s)
		}
		if n := prepQueryInt(t, db, `SELECT count(*) FROM notes`); n != 1 {
			t.Fatalf("%s: %d notes", extra, n)
		}
		if _, err := db.Exec(`DELETE FROM users`); err != nil {
			t.Fatal(err)
		}
		if n := prepQueryInt(t, db, `SELECT count(*) FROM notes`); n != 0 {
			t.Fatalf("%s: cascade lost, %d notes", extra, n)
		}
	}
}
