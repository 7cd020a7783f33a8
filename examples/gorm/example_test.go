package main

import (
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"

	"github.com/retortdb/retort/examples/internal/exampletest"
)

// TestReadme runs the README in a copy of the example with this
// repository's retort, on SQLite, PostgreSQL and MariaDB: the braindump
// story from the models without the cascade (the three commands), through
// the tag that gains constraint:OnDelete:CASCADE, to the program on the
// migrated SQLite database.
func TestReadme(t *testing.T) {
	const (
		models    = "models/models.go"
		noAction  = `gorm:"foreignKey:AuthorID"`
		cascading = `gorm:"foreignKey:AuthorID;constraint:OnDelete:CASCADE"`
	)
	exampletest.Run(t, exampletest.Story{
		Before:  []exampletest.Replace{{File: models, Old: cascading, New: noAction}},
		Cascade: []exampletest.Replace{{File: models, Old: noAction, New: cascading}},
		FK:      map[string]string{"sqlite": "fk_users_notes", "postgres": "fk_users_notes", "mariadb": "fk_users_notes"},
		Lint:    "models/models.go:12: error [orm-intent] GORM has-many User.Notes",
		Seed: []string{
			"INSERT INTO users (email) VALUES ('ann@example.com'), ('bob@example.com')",
			"INSERT INTO notes (author_id, body) SELECT id, 'buy milk' FROM users",
			"INSERT INTO notes (author_id, body) SELECT id, 'call bob' FROM users WHERE email = 'ann@example.com'",
		},
		Then: func(e *exampletest.Example) {
			if e.Target != "sqlite" {
				return
			}
			if out := e.Run("go", "run", "."); !strings.Contains(out, "deleted ann@example.com: 0 of her notes left") {
				t.Errorf("the program says:\n%s\nwant her notes deleted with her (ON DELETE CASCADE)", out)
			}
		},
	})
}
