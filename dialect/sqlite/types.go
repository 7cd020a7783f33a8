package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
)

// typeNames differ from the standard spelling only where SQLite needs
// it: INTEGER stays INTEGER so an INTEGER PRIMARY KEY is the rowid alias;
// JSON and UUID are TEXT.
var typeNames = dialect.TypeNames{
	op.KindInteger: "INTEGER",
	op.KindFloat:   "REAL",
	op.KindJSON:    "TEXT",
	op.KindUUID:    "TEXT",
}

// MapType implements dialect.TypeMapper.
func (Dialect) MapType(t op.Type) (string, error) { return typeNames.Spell(t) }
