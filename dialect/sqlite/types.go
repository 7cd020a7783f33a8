package sqlite

import "github.com/retortdb/retort/op"

// MapType implements dialect.TypeMapper. INTEGER stays INTEGER so an
// INTEGER PRIMARY KEY is the rowid alias; JSON and UUID are TEXT.
func (Dialect) MapType(t op.Type) (string, error) {
	switch t.Kind {
	case op.KindInteger:
		return "INTEGER", nil
	case op.KindFloat:
		return "REAL", nil
	case op.KindJSON, op.KindUUID:
		return "TEXT", nil
	}
	return op.StandardType(t)
}
