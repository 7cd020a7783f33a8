package op

import (
	"fmt"
	"strings"
)

// Type is a column type for the builder: a portable kind that each
// dialect maps to its own spelling, or a raw dialect type string.
type Type struct {
	Kind   TypeKind
	Size   int    // String: length; Decimal: precision
	Scale  int    // Decimal only
	RawSQL string // Kind == KindRaw: used as written
}

// TypeKind names a portable type.
type TypeKind string

// Portable type kinds.
const (
	KindInteger   TypeKind = "integer"
	KindBigInt    TypeKind = "bigint"
	KindSmallInt  TypeKind = "smallint"
	KindText      TypeKind = "text"
	KindString    TypeKind = "string"
	KindBool      TypeKind = "bool"
	KindTimestamp TypeKind = "timestamp"
	KindDate      TypeKind = "date"
	KindFloat     TypeKind = "float"
	KindDecimal   TypeKind = "decimal"
	KindBlob      TypeKind = "blob"
	KindJSON      TypeKind = "json"
	KindUUID      TypeKind = "uuid"
	KindRaw       TypeKind = "raw"
)

// Portable types without parameters.
var (
	Integer   = Type{Kind: KindInteger}
	BigInt    = Type{Kind: KindBigInt}
	SmallInt  = Type{Kind: KindSmallInt}
	Text      = Type{Kind: KindText}
	Bool      = Type{Kind: KindBool}
	Timestamp = Type{Kind: KindTimestamp} // without time zone
	Date      = Type{Kind: KindDate}
	Float     = Type{Kind: KindFloat} // double precision
	Blob      = Type{Kind: KindBlob}
	JSON      = Type{Kind: KindJSON}
	UUID      = Type{Kind: KindUUID}
)

// String is a variable-length string of at most n characters.
func String(n int) Type { return Type{Kind: KindString, Size: n} }

// Decimal is an exact number with precision p and scale s.
func Decimal(p, s int) Type { return Type{Kind: KindDecimal, Size: p, Scale: s} }

// Raw is a dialect's own type spelling, used as written (not portable).
func Raw(sqlType string) Type { return Type{Kind: KindRaw, RawSQL: sqlType} }

func (t Type) String() string {
	switch t.Kind {
	case KindRaw:
		return t.RawSQL
	case KindString:
		return fmt.Sprintf("string(%d)", t.Size)
	case KindDecimal:
		return fmt.Sprintf("decimal(%d,%d)", t.Size, t.Scale)
	}
	return string(t.Kind)
}

// TypeFunc spells a Type in one dialect.
type TypeFunc func(Type) (string, error)

// StandardType spells t in SQL-standard types; dialects without a
// mapping of their own use it.
func StandardType(t Type) (string, error) {
	switch t.Kind {
	case KindRaw:
		if strings.TrimSpace(t.RawSQL) == "" {
			return "", fmt.Errorf("raw column type is empty")
		}
		return t.RawSQL, nil
	case KindInteger:
		return "INTEGER", nil
	case KindBigInt:
		return "BIGINT", nil
	case KindSmallInt:
		return "SMALLINT", nil
	case KindText, KindJSON:
		return "TEXT", nil
	case KindString:
		return sizedType("VARCHAR", t)
	case KindBool:
		return "BOOLEAN", nil
	case KindTimestamp:
		return "TIMESTAMP", nil
	case KindDate:
		return "DATE", nil
	case KindFloat:
		return "DOUBLE PRECISION", nil
	case KindDecimal:
		return DecimalType("NUMERIC", t)
	case KindBlob:
		return "BLOB", nil
	case KindUUID:
		return "CHAR(36)", nil
	}
	return "", fmt.Errorf("unknown column type kind %q", t.Kind)
}

func sizedType(name string, t Type) (string, error) {
	if t.Size <= 0 {
		return "", fmt.Errorf("%s needs a positive length, got %d", t, t.Size)
	}
	return fmt.Sprintf("%s(%d)", name, t.Size), nil
}

// StringType spells a KindString type as name(n), checking n; dialect
// mappings share it.
func StringType(name string, t Type) (string, error) { return sizedType(name, t) }

// DecimalType spells a KindDecimal type as name(p,s), checking p and s.
func DecimalType(name string, t Type) (string, error) {
	if t.Size <= 0 || t.Scale < 0 || t.Scale > t.Size {
		return "", fmt.Errorf("%s needs precision > 0 and 0 <= scale <= precision", t)
	}
	return fmt.Sprintf("%s(%d,%d)", name, t.Size, t.Scale), nil
}
