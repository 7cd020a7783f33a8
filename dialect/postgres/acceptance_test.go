package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

const (
	braindumpA = `CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE notes (id bigserial PRIMARY KEY, author_id bigint NOT NULL REFERENCES users (id), body text NOT NULL);`
	braindumpB = `CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE notes (id bigserial PRIMARY KEY, author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE, body text NOT NULL);`
)

// TestBraindumpCascade is the acceptance scenario at library level: a key
// gains ON DELETE CASCADE on a table with rows, through the online-safe
// swap, keeps every row, cascades afterwards, leaves no diff, and the
// reverse restores NO ACTION.
func TestBraindumpCascade(t *testing.T) {
	ctx := context.Background()
	db, u := reflFresh(t, "")
	load := func(src string) *schema.Schema {
		s, err := Dialect{}.LoadDesired(ctx, u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	migrate := func(from, to *schema.Schema) []op.Op {
		ops, stmts := schematest.Migration(t, Dialect{}, from, to, diff.Options{})
		runPlan(t, db, Dialect{}.Prepare(stmts))
		return ops
	}
	a, b := load(braindumpA), load(braindumpB)
	migrate(schematest.Reflect(t, Dialect{}, db), a)
	schematest.Exec(t, db,
		"INSERT INTO users (email) VALUES ('ann@x'), ('bob@x')",
		"INSERT INTO notes (author_id, body) VALUES (1, 'a1'), (1, 'a2'), (2, 'b1')")

	live := schematest.Reflect(t, Dialect{}, db)
	ops, err := diff.Schemas(live, b, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, o := range ops {
		kinds = append(kinds, o.String())
	}
	if want := "drop foreign key notes_author_id_fkey on notes|add foreign key notes_author_id_fkey on notes"; strings.Join(kinds, "|") != want {
		t.Fatalf("diff gave %q, want %q", kinds, want)
	}
	stmts, err := Dialect{}.Render(ops, live, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"SET LOCAL lock_timeout = '5s'",
		"ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey",
		"ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID",
		"ALTER TABLE notes VALIDATE CONSTRAINT notes_author_id_fkey",
	}
	if strings.Join(stmts, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rendered:\n%s\nwant:\n%s", strings.Join(stmts, "\n"), strings.Join(want, "\n"))
	}
	plan := Dialect{}.Prepare(stmts)
	if len(plan.Body) != 3 || len(plan.Deferred) != 1 || plan.NoTransaction {
		t.Fatalf("plan %#v: want 3 body statements, VALIDATE deferred, transactional", plan)
	}
	runPlan(t, db, plan)

	if n := schematest.Count(t, db, "SELECT count(*) FROM notes"); n != 3 {
		t.Fatalf("%d notes after the swap, want all 3 kept", n)
	}
	schematest.Exec(t, db, "DELETE FROM users WHERE id = 1")
	if n := schematest.Count(t, db, "SELECT count(*) FROM notes"); n != 1 {
		t.Fatalf("%d notes after deleting user 1, want 1 (cascade)", n)
	}
	after := schematest.Reflect(t, Dialect{}, db)
	reflNoDiff(t, after, b)
	if fk := after.Table("", "notes").ForeignKeys[0]; fk.NotValid || fk.OnDelete != schema.Cascade {
		t.Fatalf("key after the swap: %+v", fk)
	}

	back, err := Dialect{}.Render(op.ReverseAll(ops), after, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runPlan(t, db, Dialect{}.Prepare(back))
	restored := schematest.Reflect(t, Dialect{}, db)
	reflNoDiff(t, restored, a)
	if fk := restored.Table("", "notes").ForeignKeys[0]; fk.OnDelete != schema.NoAction {
		t.Fatalf("reverse left ON DELETE %s, want NO ACTION", fk.OnDelete)
	}
	if _, err := db.Exec("DELETE FROM users WHERE id = 2"); err == nil {
		t.Fatal("deleting a referenced user succeeded after the reverse; NO ACTION should refuse it")
	}
}

// TestValidateFailureLeavesKeyNotValid: when existing rows break the new
// key, the body commits the NOT VALID key and the deferred VALIDATE fails
// naming the constraint, so the runner leaves the revision unrecorded.
func TestValidateFailureLeavesKeyNotValid(t *testing.T) {
	db, _ := reflFresh(t, "")
	schematest.Exec(t, db, "CREATE TABLE users (id int PRIMARY KEY)", "CREATE TABLE notes (id int PRIMARY KEY, author_id int)",
		"INSERT INTO notes VALUES (1, 42)")
	live := schematest.Reflect(t, Dialect{}, db)
	fk := &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}}
	stmts, err := Dialect{}.Render([]op.Op{op.AddForeignKey{Table: op.Ref{Name: "notes"}, FK: fk}}, live, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := Dialect{}.Prepare(stmts)
	runPlan(t, db, dialect.Plan{Body: p.Body})
	_, err = db.Exec(p.Deferred[0])
	if err == nil || !strings.Contains(err.Error(), "notes_author_id_fkey") {
		t.Fatalf("VALIDATE of a violated key: %v", err)
	}
	if got := schematest.Reflect(t, Dialect{}, db).Table("", "notes").ForeignKeys[0]; !got.NotValid {
		t.Fatal("the key should be left NOT VALID")
	}
	// The runner reruns the whole revision once the data is fixed.
	schematest.Exec(t, db, "INSERT INTO users VALUES (42)")
	runPlan(t, db, p)
	if got := schematest.Reflect(t, Dialect{}, db).Table("", "notes").ForeignKeys; len(got) != 1 || got[0].NotValid {
		t.Fatalf("after the rerun: %+v, want one validated key", got)
	}
}
