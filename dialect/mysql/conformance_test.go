package mysql

import (
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

func TestConformance(t *testing.T) {
	dialecttest.Run(t, dialecttest.Target{
		Dialect:    Dialect{},
		Fresh:      testdb.MySQL,
		Statements: []string{"SET FOREIGN_KEY_CHECKS = 0", "ANALYZE TABLE notes", "RENAME TABLE notes TO notes2"},
	})
}
