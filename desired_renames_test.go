package retort_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
)

// TestAutogenerateRenames renames a NOT NULL column and a foreign key's
// column on each database: Autogenerate of Go tables refuses without a decision,
// renames with one (an option, or the question), the upgrade keeps every
// value and the downgrade restores names and values. Hints in schema
// files give the same operations as the options.
func TestAutogenerateRenames(t *testing.T) {
	eachDialect(t, func(t *testing.T, name string) {
		ctx := context.Background()
		url := freshURL(t, name)
		revs := fstest.MapFS{}
		open := func() *retort.Migrator {
			m, err := retort.Open(ctx, url, revs, retort.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { m.Close() })
			return m
		}
		addRevision := func(id, parent string, up, down []string) {
			r := &revision.Revision{ID: id, Message: id}
			if parent != "" {
				r.Parents = []string{parent}
			}
			revs[id+"_"+id+".sql"] = &fstest.MapFile{Data: revfile.Format(r, strings.Join(up, ";\n")+";", strings.Join(down, ";\n")+";")}
		}
		blog := func(nameCol, authorCol string) retort.Tables {
			return retort.Tables{
				op.Table("users", op.Column("id", op.Integer).PrimaryKey(), op.Column(nameCol, op.String(100)).NotNull()),
				op.Table("notes", op.Column("id", op.Integer).PrimaryKey(), op.Column(authorCol, op.Integer).NotNull(),
					op.Column("body", op.String(100)).NotNull(),
					op.ForeignKey("notes_author_fkey", []string{authorCol}, "users", []string{"id"}, op.FKOptions{})),
			}
		}
		rows := func(m *retort.Migrator, q string) string {
			rs, err := retort.DBOf(m).QueryContext(ctx, q)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			defer rs.Close()
			var out []string
			for rs.Next() {
				var a, b, c string
				if err := rs.Scan(&a, &b, &c); err != nil {
					t.Fatal(err)
				}
				out = append(out, a+" "+b+" "+c)
			}
			return strings.Join(out, ", ")
		}

		m := open()
		up, down, _, err := m.Autogenerate(ctx, blog("name", "author_id"))
		if err != nil {
			t.Fatal(err)
		}
		addRevision("r1", "", up, down)
		m = open()
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		exec(t, retort.DBOf(m), "INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob')")
		exec(t, retort.DBOf(m), "INSERT INTO notes (id, author_id, body) VALUES (1, 1, 'a'), (2, 2, 'b')")
		const before = "1 ann a, 2 bob b"

		want := blog("full_name", "writer_id")
		_, _, _, err = m.Autogenerate(ctx, want)
		var undecided *retort.UndecidedRenamesError
		if !errors.As(err, &undecided) || len(undecided.Candidates) != 2 {
			t.Fatalf("without a decision: err = %v, want both likely renames", err)
		}

		var asked []string
		up, down, ops, err := m.Autogenerate(ctx, want, retort.AutogenerateOptions{
			Renames: []retort.Rename{{Table: "users", Old: "name", New: "full_name"}},
			Decide: func(c retort.RenameCandidate) (bool, error) {
				asked = append(asked, c.String())
				return true, nil
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(asked) != 1 || !strings.HasPrefix(asked[0], "notes.author_id to notes.writer_id (") {
			t.Errorf("asked about %q, want only notes.author_id", asked)
		}
		got := fmt.Sprint(ops)
		if got != "[rename column notes.author_id to writer_id rename column users.name to full_name]" {
			t.Fatalf("ops = %s, want the two renames alone", got)
		}

		// Hints in a schema file decide the same renames.
		files := retort.SQLFiles{{Name: "schema.sql", SQL: `CREATE TABLE users (
  id INTEGER NOT NULL PRIMARY KEY,
  full_name VARCHAR(100) NOT NULL -- retort:renamed-from name
);
CREATE TABLE notes (
  id INTEGER NOT NULL PRIMARY KEY,
  writer_id INTEGER NOT NULL, -- retort:renamed-from author_id
  body VARCHAR(100) NOT NULL,
  CONSTRAINT notes_author_fkey FOREIGN KEY (writer_id) REFERENCES users (id)
);`}}
		_, _, hinted, err := m.Autogenerate(ctx, files)
		if err != nil || fmt.Sprint(hinted) != got {
			t.Fatalf("from hints: %v, %v; want %s", hinted, err, got)
		}

		addRevision("r2", "r1", up, down)
		m = open()
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if got := rows(m, "SELECT n.id, u.full_name, n.body FROM notes n JOIN users u ON u.id = n.writer_id ORDER BY n.id"); got != before {
			t.Errorf("after the upgrade: %s, want %s", got, before)
		}
		if _, err := retort.DBOf(m).ExecContext(ctx, "INSERT INTO notes (id, writer_id, body) VALUES (9, 99, 'x')"); err == nil {
			t.Error("the foreign key on the renamed column accepted an orphan")
		}
		if left, err := m.Diff(ctx, want); err != nil || len(left) != 0 {
			t.Fatalf("after the upgrade: %v %v", left, err)
		}
		if _, err := m.Downgrade(ctx, "r1"); err != nil {
			t.Fatal(err)
		}
		if got := rows(m, "SELECT n.id, u.name, n.body FROM notes n JOIN users u ON u.id = n.author_id ORDER BY n.id"); got != before {
			t.Errorf("after the downgrade: %s, want %s", got, before)
		}
	})
}
