package example_test

import (
	"testing"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/examples/internal/exampletest"
)

// TestReadme runs the README in a copy of the example with this
// repository's retort, on SQLite, PostgreSQL and MariaDB: the three
// commands, then the braindump story (the Author relation gains
// on_delete:CASCADE).
func TestReadme(t *testing.T) {
	exampletest.Run(t, exampletest.Story{
		Cascade: []exampletest.Replace{{
			File: "models/models.go",
			Old:  `bun:"rel:belongs-to,join:author_id=id"`,
			New:  `bun:"rel:belongs-to,join:author_id=id,on_delete:CASCADE"`,
		}},
		FK:   map[string]string{"sqlite": "notes_author_id_fkey", "postgres": "notes_author_id_fkey", "mariadb": "notes_ibfk_1"},
		Lint: "error [orm-intent] bun belongs-to Note.Author",
		Seed: []string{
			"INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', 'Bob')",
			"INSERT INTO notes (author_id, title) SELECT id, 'buy milk' FROM users",
			"INSERT INTO notes (author_id, title) SELECT id, 'call bob' FROM users WHERE email = 'ann@example.com'",
		},
	})
}
