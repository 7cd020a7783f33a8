package retort_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/all"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
	"github.com/retortdb/retort/schema"
)

// blogRevisions is the braindump written as Go revisions on top of a
// portable SQL file revision: users + notes with a plain FK, then the
// change to ON DELETE CASCADE (plus a column, so SQLite folds several
// changes into one rebuild).
func blogRevisions() (fstest.MapFS, []*retort.GoRevision) {
	files := fstest.MapFS{"5a1000000001_tags.sql": {Data: revfile.Format(
		&revision.Revision{ID: "5a1000000001", Message: "tags"},
		"CREATE TABLE tags (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL);",
		"DROP TABLE tags;")}}
	fk := func(opts op.FKOptions) func(t *op.Batch) {
		return func(t *op.Batch) {
			t.DropConstraint("notes_author_id_fkey")
			t.CreateForeignKey("notes_author_id_fkey", "users", []string{"author_id"}, []string{"id"}, opts)
		}
	}
	gos := []*retort.GoRevision{{
		ID: "5a1000000002", Parents: []string{"5a1000000001"}, Message: "users and notes",
		Up: func(ctx context.Context, o *op.Builder) error {
			o.CreateTable("users",
				op.Column("id", op.Integer).PrimaryKey(),
				op.Column("email", op.String(200)).NotNull().Unique())
			o.CreateTable("notes",
				op.Column("id", op.Integer).PrimaryKey(),
				op.Column("author_id", op.Integer).NotNull(),
				op.Column("body", op.Text),
				op.ForeignKey("notes_author_id_fkey", []string{"author_id"}, "users", []string{"id"}, op.FKOptions{}))
			return o.CreateIndex("notes_author_idx", "notes", "author_id")
		},
		Down: func(ctx context.Context, o *op.Builder) error {
			o.DropTable("notes")
			return o.DropTable("users")
		},
	}, {
		ID: "5a1000000003", Parents: []string{"5a1000000002"}, Message: "cascade notes on user delete",
		Up: func(ctx context.Context, o *op.Builder) error {
			return o.BatchAlterTable("notes", func(t *op.Batch) {
				t.AddColumn(op.Column("pinned", op.Integer).NotNull().Default("0"))
				fk(op.FKOptions{OnDelete: schema.Cascade})(t)
			})
		},
		Down: func(ctx context.Context, o *op.Builder) error {
			return o.BatchAlterTable("notes", func(t *op.Batch) {
				fk(op.FKOptions{})(t)
				t.DropColumn("pinned")
			})
		},
	}}
	return files, gos
}

// freshURL returns a new empty database of the dialect.
func freshURL(t *testing.T, name string) string {
	switch name {
	case "sqlite":
		return "sqlite://" + filepath.Join(t.TempDir(), "blog.db")
	case "mysql":
		return testdb.MySQL(t).String()
	case "postgres":
		return testdb.Postgres(t).String()
	}
	t.Fatalf("no test database for dialect %s", name)
	return ""
}

var testDialects = []string{"sqlite", "mysql", "postgres"}

func eachDialect(t *testing.T, fn func(t *testing.T, name string)) {
	for _, name := range testDialects {
		t.Run(name, func(t *testing.T) {
			if _, err := dialect.ByName(name); err != nil {
				t.Skipf("dialect %s not registered in dialect/all yet", name)
			}
			fn(t, name)
		})
	}
}

func TestGoRevisionsBlog(t *testing.T) {
	eachDialect(t, func(t *testing.T, name string) {
		ctx := context.Background()
		files, gos := blogRevisions()
		var log bytes.Buffer
		m, err := retort.Open(ctx, freshURL(t, name), files, retort.Options{GoRevisions: gos, Log: &log, Verbose: true})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		db := retort.DBOf(m)
		if _, err := m.Upgrade(ctx, "5a1000000002"); err != nil {
			t.Fatal(err)
		}
		exec(t, db, "INSERT INTO users (id, email) VALUES (1, 'a@x'), (2, 'b@x')")
		exec(t, db, "INSERT INTO notes (id, author_id, body) VALUES (10, 1, 'one'), (11, 2, 'two'), (12, 1, 'three')")
		if _, err := db.ExecContext(ctx, "DELETE FROM users WHERE id = 1"); err == nil {
			t.Fatal("deleting a user with notes succeeded before the cascade revision")
		}
		assertFK(t, m, schema.NoAction)

		log.Reset()
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if name == "sqlite" {
			if n := strings.Count(log.String(), "CREATE TABLE"); n != 1 {
				t.Errorf("SQLite batch made %d CREATE TABLE statements, want one rebuild:\n%s", n, log.String())
			}
		}
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 3 {
			t.Fatalf("notes after upgrade = %d, want 3 kept", n)
		}
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes WHERE pinned = 0"); n != 3 {
			t.Fatalf("pinned default on kept rows: %d of 3", n)
		}
		assertFK(t, m, schema.Cascade)
		exec(t, db, "DELETE FROM users WHERE id = 1")
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 1 {
			t.Fatalf("notes after deleting user 1 = %d, want 1 (cascade)", n)
		}
		if edited, err := m.Edited(ctx); err != nil || len(edited) != 0 {
			t.Fatalf("Go revisions reported edited: %v %v", edited, err)
		}

		if _, err := m.Downgrade(ctx, "5a1000000002"); err != nil {
			t.Fatal(err)
		}
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM notes"); n != 1 {
			t.Fatalf("notes after downgrade = %d, want 1 kept", n)
		}
		assertFK(t, m, schema.NoAction)
		if _, err := db.ExecContext(ctx, "DELETE FROM users WHERE id = 2"); err == nil {
			t.Fatal("deleting a user with notes succeeded after downgrading the cascade")
		}
		live, err := m.Inspect(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if live.Table("", "notes").Column("pinned") != nil {
			t.Fatal("downgrade kept notes.pinned")
		}
		if cur, _ := m.Current(ctx); !slices.Equal(cur, []string{"5a1000000002"}) {
			t.Fatalf("current = %v", cur)
		}
		if _, err := m.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		if live, err = m.Inspect(ctx); err != nil || len(live.Tables) != 0 {
			t.Fatalf("tables left at base: %v %v", live, err)
		}
	})
}

func assertFK(t *testing.T, m *retort.Migrator, want schema.FKAction) {
	t.Helper()
	live, err := m.Inspect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	notes := live.Table("", "notes")
	if notes == nil || len(notes.ForeignKeys) != 1 {
		t.Fatalf("notes has no single foreign key: %+v", notes)
	}
	got := schema.Action(notes.ForeignKeys[0].OnDelete)
	if got == schema.Restrict {
		got = schema.NoAction // MySQL reflects both the same
	}
	if got != want {
		t.Fatalf("notes FK ON DELETE %s, want %s", got, want)
	}
}

func exec(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
