package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// NarrowsType implements dialect.TypeNarrower: a change is safe only
// when every value of the old type converts to the new one unchanged
// (a wider integer, more digits, a longer or unbounded string, any type
// to text); every other change may lose data.
func (Dialect) NarrowsType(from, to string) bool {
	f, t := pgTypeOf(from), pgTypeOf(to)
	if f == t {
		return false
	}
	return !pgWidens(f, t)
}

// pgType is what decides whether a conversion can lose data.
type pgType struct {
	// family groups types whose values convert by size: "int",
	// "numeric", "float", "varchar", "char", "bit", "varbit", a time
	// type's name, else the type's whole text.
	family string
	// n is an int's bytes, a numeric's precision, a float's mantissa
	// bits, a string's or bit string's length, a time type's fractional
	// digits; 0 is unbounded.
	n, scale int
	array    bool
}

var pgInts = map[string]int{"smallint": 2, "int2": 2, "smallserial": 2, "integer": 4, "int": 4, "int4": 4, "serial": 4,
	"bigint": 8, "int8": 8, "bigserial": 8}

// pgIntDigits are the decimal digits an integer of n bytes needs.
var pgIntDigits = map[int]int{2: 5, 4: 10, 8: 19}

var pgTimes = map[string]string{"timestamp": "timestamp", "timestamp without time zone": "timestamp",
	"timestamptz": "timestamptz", "timestamp with time zone": "timestamptz", "time": "time",
	"time without time zone": "time", "timetz": "timetz", "time with time zone": "timetz"}

func pgTypeOf(s string) pgType {
	var t pgType
	s = strings.TrimSpace(s)
	for strings.HasSuffix(s, "[]") {
		s, t.array = strings.TrimSpace(strings.TrimSuffix(s, "[]")), true
	}
	tt := dialect.ParseTypeText(s)
	name := tt.Full()
	switch {
	case pgInts[name] > 0:
		t.family, t.n = "int", pgInts[name]
	case name == "numeric" || name == "decimal":
		t.family, t.n, t.scale = "numeric", tt.Arg(0, 0), tt.Arg(1, 0)
	case name == "real" || name == "float4":
		t.family, t.n = "float", 24
	case name == "double precision" || name == "float8":
		t.family, t.n = "float", 53
	case name == "float":
		t.family, t.n = "float", 53
		if tt.Arg(0, 53) <= 24 {
			t.n = 24
		}
	case name == "text":
		t.family = "varchar"
	case name == "character varying" || name == "varchar":
		t.family, t.n = "varchar", tt.Arg(0, 0)
	case name == "character" || name == "char":
		t.family, t.n = "char", tt.Arg(0, 1)
	case name == "bpchar":
		t.family, t.n = "char", tt.Arg(0, 0)
	case name == "bit":
		t.family, t.n = "bit", tt.Arg(0, 1)
	case name == "bit varying" || name == "varbit":
		t.family, t.n = "varbit", tt.Arg(0, 0)
	case pgTimes[name] != "":
		t.family, t.n = pgTimes[name], tt.Arg(0, 6)
	default:
		t.family = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	return t
}

// fits reports whether a limit of n holds everything a limit of m does
// (0 is unbounded).
func fits(n, m int) bool { return n == 0 || (m != 0 && n >= m) }

// pgWidens reports whether every value of f converts to t unchanged.
func pgWidens(f, t pgType) bool {
	if t.family == "varchar" && t.n == 0 && !t.array {
		return true // every value has its text form
	}
	if f.array != t.array {
		return false
	}
	switch {
	case f.family == "int" && t.family == "int":
		return t.n >= f.n
	case f.family == "int" && t.family == "numeric":
		return t.n == 0 || t.n-t.scale >= pgIntDigits[f.n]
	case f.family == "int" && t.family == "float":
		return f.n*8 <= t.n // 16 bits in a real, 32 in a double
	case f.family == "numeric" && t.family == "numeric":
		return t.n == 0 || (f.n != 0 && t.n-t.scale >= f.n-f.scale && t.scale >= f.scale)
	case f.family == "float" && t.family == "float":
		return t.n >= f.n
	case (f.family == "varchar" || f.family == "char") && t.family == "varchar":
		return fits(t.n, f.n)
	case f.family == "char" && t.family == "char":
		return t.n >= f.n
	case (f.family == "bit" || f.family == "varbit") && t.family == "varbit":
		return fits(t.n, f.n)
	case f.family == t.family && pgTimes[f.family] != "":
		return t.n >= f.n
	case f.family+"tz" == t.family && pgTimes[f.family] != "":
		return t.n >= f.n // the same time, read in the session's zone
	case f.family == "date" && (t.family == "timestamp" || t.family == "timestamptz"):
		return true
	}
	return false
}
