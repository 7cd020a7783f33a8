package postgres

import (
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

func TestConformance(t *testing.T) {
	dialecttest.Run(t, dialecttest.Target{
		Dialect: Dialect{},
		Fresh:   testdb.Postgres,
		Statements: []string{
			"CREATE INDEX CONCURRENTLY notes_body_idx ON notes (body)",
			"DROP INDEX CONCURRENTLY notes_body_idx",
			"ALTER TABLE notes VALIDATE CONSTRAINT notes_user_id_fkey",
			"ALTER TYPE mood ADD VALUE 'ok'",
			"VACUUM notes",
		},
	})
}
