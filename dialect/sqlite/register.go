package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

var _ dialect.Dialect = Dialect{}

func init() { dialect.Register(Dialect{}) }

// Traits implements the optional traits interface: DROP TABLE fires ON
// DELETE CASCADE unless foreign keys are off, and the scratch database for
// desired schemas is in memory.
func (Dialect) Traits() dialect.Traits {
	return dialect.Traits{DropTableCascades: true, EmbeddedScratch: true}
}

// SplitOptions gives SQLite's lexing rules for revision files.
func (Dialect) SplitOptions() sqlsplit.Options { return sqlsplit.SQLite }
