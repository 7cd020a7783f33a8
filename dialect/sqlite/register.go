package sqlite

import "github.com/retortdb/retort/dialect"

var _ dialect.Dialect = Dialect{}

func init() { dialect.Register(Dialect{}) }

// Traits implements the optional traits interface lint reads: DROP TABLE
// fires ON DELETE CASCADE unless foreign keys are off.
func (Dialect) Traits() dialect.Traits {
	return dialect.Traits{DropTableCascades: true}
}
