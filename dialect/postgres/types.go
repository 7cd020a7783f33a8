package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
)

// typeNames are the spellings PostgreSQL reflects (format_type).
var typeNames = dialect.TypeNames{
	op.KindInteger:   "integer",
	op.KindBigInt:    "bigint",
	op.KindSmallInt:  "smallint",
	op.KindText:      "text",
	op.KindString:    "character varying",
	op.KindBool:      "boolean",
	op.KindTimestamp: "timestamp without time zone",
	op.KindDate:      "date",
	op.KindFloat:     "double precision",
	op.KindDecimal:   "numeric",
	op.KindBlob:      "bytea",
	op.KindJSON:      "jsonb",
	op.KindUUID:      "uuid",
}

// MapType implements dialect.TypeMapper.
func (Dialect) MapType(t op.Type) (string, error) { return typeNames.Spell(t) }
