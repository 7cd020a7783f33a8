package example_test

import (
	"testing"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/examples/internal/exampletest"
)

// TestReadme runs the README in a copy of the example with this
// repository's retort, on SQLite, PostgreSQL and MariaDB: the three
// commands, then the braindump story (the notes edge gains
// entsql.OnDelete(entsql.Cascade)).
func TestReadme(t *testing.T) {
	const user = "ent/schema/user.go"
	exampletest.Run(t, exampletest.Story{
		Cascade: []exampletest.Replace{
			{File: user, Old: "\"entgo.io/ent\"\n", New: "\"entgo.io/ent\"\n\t\"entgo.io/ent/dialect/entsql\"\n"},
			{File: user, Old: `edge.To("notes", Note.Type),`, New: `edge.To("notes", Note.Type).Annotations(entsql.OnDelete(entsql.Cascade)),`},
		},
		FK:   map[string]string{"sqlite": "notes_users_notes", "postgres": "notes_users_notes", "mariadb": "notes_users_notes"},
		Lint: "error [orm-intent] ent O2M User.notes",
		Seed: []string{
			"INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', 'Bob')",
			"INSERT INTO notes (author_id, title) SELECT id, 'buy milk' FROM users",
			"INSERT INTO notes (author_id, title) SELECT id, 'call bob' FROM users WHERE email = 'ann@example.com'",
		},
	})
}
