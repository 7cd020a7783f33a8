package mysql

import "github.com/retortdb/retort/op"

// MapType implements dialect.TypeMapper in the lower-case spelling
// MySQL reflects. Timestamp is DATETIME(6): TIMESTAMP has implicit
// defaults and a 2038 limit.
func (Dialect) MapType(t op.Type) (string, error) {
	switch t.Kind {
	case op.KindInteger:
		return "int", nil
	case op.KindBigInt:
		return "bigint", nil
	case op.KindSmallInt:
		return "smallint", nil
	case op.KindText:
		return "text", nil
	case op.KindString:
		return op.StringType("varchar", t)
	case op.KindBool:
		return "tinyint(1)", nil
	case op.KindTimestamp:
		return "datetime(6)", nil
	case op.KindDate:
		return "date", nil
	case op.KindFloat:
		return "double", nil
	case op.KindDecimal:
		return op.DecimalType("decimal", t)
	case op.KindBlob:
		return "longblob", nil
	case op.KindJSON:
		return "json", nil
	case op.KindUUID:
		return "char(36)", nil
	}
	return op.StandardType(t)
}
