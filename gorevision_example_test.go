package retort_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// ExampleGoRevision is the README's Go revision: it gives notes'
// foreign key ON DELETE CASCADE on a database whose key was created
// without a name (as SQLite keeps a column's REFERENCES), so the key is
// dropped by what it is, not by a name.
func ExampleGoRevision() {
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(dir, "app.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	sub := fstest.MapFS{"3f2a9c1e7b10_users_and_notes.sql": {Data: []byte(`-- retort:revision 3f2a9c1e7b10
-- retort:message users and notes
-- +upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users (id), body TEXT);
-- +downgrade
DROP TABLE notes;
DROP TABLE users;
`)}}

	m, err := retort.New(db, sub, retort.Options{Dialect: sqlite.Dialect{}, GoRevisions: []*retort.GoRevision{{
		ID: "5c0ffee12345", Parents: []string{"3f2a9c1e7b10"}, Message: "cascade notes",
		Up: func(ctx context.Context, o *op.Builder) error {
			return o.BatchAlterTable("notes", func(t *op.Batch) { // one rebuild on SQLite, ALTERs elsewhere
				t.DropForeignKeyOn([]string{"author_id"}, "users") // by content: the key may have no name
				t.CreateForeignKey("notes_author_id_fkey", "users", []string{"author_id"}, []string{"id"},
					op.FKOptions{OnDelete: schema.Cascade})
			})
		},
	}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		fmt.Println(err)
		return
	}
	live, err := m.Inspect(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, fk := range live.Table("", "notes").ForeignKeys {
		fmt.Printf("notes (%s) -> %s ON DELETE %s\n", fk.Columns[0], fk.RefTable, fk.OnDelete)
	}
	// Output: notes (author_id) -> users ON DELETE CASCADE
}
