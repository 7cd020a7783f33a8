package postgres

import "github.com/retortdb/retort/op"

// MapType implements dialect.TypeMapper in the spelling PostgreSQL
// reflects (format_type).
func (Dialect) MapType(t op.Type) (string, error) {
	switch t.Kind {
	case op.KindInteger:
		return "integer", nil
	case op.KindBigInt:
		return "bigint", nil
	case op.KindSmallInt:
		return "smallint", nil
	case op.KindText:
		return "text", nil
	case op.KindString:
		return op.StringType("character varying", t)
	case op.KindBool:
		return "boolean", nil
	case op.KindTimestamp:
		return "timestamp without time zone", nil
	case op.KindDate:
		return "date", nil
	case op.KindFloat:
		return "double precision", nil
	case op.KindDecimal:
		return op.DecimalType("numeric", t)
	case op.KindBlob:
		return "bytea", nil
	case op.KindJSON:
		return "jsonb", nil
	case op.KindUUID:
		return "uuid", nil
	}
	return op.StandardType(t)
}
