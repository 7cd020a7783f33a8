package mysql

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
)

// typeNames are the lower-case spellings MySQL reflects. Timestamp is
// DATETIME(6): TIMESTAMP has implicit defaults and a 2038 limit.
var typeNames = dialect.TypeNames{
	op.KindInteger:   "int",
	op.KindBigInt:    "bigint",
	op.KindSmallInt:  "smallint",
	op.KindText:      "text",
	op.KindString:    "varchar",
	op.KindBool:      "tinyint(1)",
	op.KindTimestamp: "datetime(6)",
	op.KindDate:      "date",
	op.KindFloat:     "double",
	op.KindDecimal:   "decimal",
	op.KindBlob:      "longblob",
	op.KindJSON:      "json",
	op.KindUUID:      "char(36)",
}

// MapType implements dialect.TypeMapper.
func (Dialect) MapType(t op.Type) (string, error) { return typeNames.Spell(t) }
