package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// NarrowsType implements dialect.TypeNarrower: a change is safe only
// when every value of the old type fits the new one unchanged (a wider
// integer of the same sign, more decimal digits, a string type holding as
// many characters and bytes, more enum values); every other change may
// lose data, which MySQL cuts or rounds without strict mode and refuses
// with it.
func (Dialect) NarrowsType(from, to string) bool {
	f, t := myTypeOf(from), myTypeOf(to)
	if f == t {
		return false
	}
	return !myWidens(f, t)
}

// myType is what decides whether a conversion can lose data.
type myType struct {
	// family: "int", "decimal", "float", "string", "char", "binary",
	// "fixedbinary", "enum", "set", "bit", a temporal type's name, else
	// the type's whole text.
	family string
	// n: an int's bytes, a decimal's precision, a float's mantissa bits,
	// a string's characters, a bit's length, fractional second digits.
	n, scale int
	// bytes is what a string type holds in bytes (4 a character where a
	// character set can make it so).
	bytes    int64
	unsigned bool
	values   string // an enum's or set's values, joined with commas
}

var myInts = map[string]int{"tinyint": 1, "bool": 1, "boolean": 1, "smallint": 2, "mediumint": 3, "int": 4, "integer": 4, "bigint": 8}

// myIntDigits are the decimal digits an integer of n bytes needs.
var myIntDigits = map[int]int{1: 3, 2: 5, 3: 8, 4: 10, 8: 20}

var myTexts = map[string]int64{"tinytext": 255, "text": 65535, "mediumtext": 16777215, "longtext": 4294967295, "json": 4294967295}
var myBlobs = map[string]int64{"tinyblob": 255, "blob": 65535, "mediumblob": 16777215, "longblob": 4294967295}
var myTemporal = map[string]bool{"datetime": true, "timestamp": true, "time": true}

func myTypeOf(s string) myType {
	tt := dialect.ParseTypeText(s)
	var t myType
	after := strings.Fields(tt.After)
	for _, w := range after {
		if w == "unsigned" {
			t.unsigned = true
		}
	}
	if w := strings.Fields(tt.Name); len(w) > 1 && w[len(w)-1] == "unsigned" {
		tt.Name, t.unsigned = strings.Join(w[:len(w)-1], " "), true
	}
	switch name := tt.Name; {
	case myInts[name] > 0:
		t.family, t.n = "int", myInts[name]
	case name == "decimal" || name == "numeric" || name == "dec" || name == "fixed":
		t.family, t.n, t.scale = "decimal", tt.Arg(0, 10), tt.Arg(1, 0)
	case name == "float" && len(tt.Args) < 2:
		t.family, t.n = "float", 24
		if tt.Arg(0, 24) > 24 {
			t.n = 53
		}
	case name == "double" || name == "double precision" || name == "real":
		t.family, t.n = "float", 53
	case name == "varchar" || name == "char" || name == "character varying" || name == "character":
		t.family, t.n = "string", tt.Arg(0, 1)
		t.bytes = 4 * int64(t.n)
		if !strings.HasPrefix(name, "varchar") && name != "character varying" {
			t.family = "char" // trailing blanks are cut on reading
		}
	case myTexts[name] > 0:
		t.family, t.bytes, t.n = "string", myTexts[name], int(min(myTexts[name], 1<<30))
		if name == "json" {
			t.family = "json"
		}
	case name == "varbinary":
		t.family, t.bytes = "binary", int64(tt.Arg(0, 1))
	case name == "binary":
		t.family, t.bytes = "fixedbinary", int64(tt.Arg(0, 1)) // padded with zero bytes
	case myBlobs[name] > 0:
		t.family, t.bytes = "binary", myBlobs[name]
	case name == "enum" || name == "set":
		t.family, t.values = name, strings.Join(tt.Args, ",")
	case name == "bit":
		t.family, t.n = "bit", tt.Arg(0, 1)
	case myTemporal[name]:
		t.family, t.n = name, tt.Arg(0, 0)
	default:
		t.family = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	return t
}

// myWidens reports whether every value of f fits t unchanged.
func myWidens(f, t myType) bool {
	switch {
	case f.family == "int" && t.family == "int":
		if f.unsigned == t.unsigned {
			return t.n >= f.n
		}
		return f.unsigned && t.n > f.n
	case f.family == "int" && t.family == "decimal":
		return (t.unsigned == f.unsigned || !t.unsigned) && t.n-t.scale >= myIntDigits[f.n]
	case f.family == "int" && t.family == "float":
		return f.n*8 <= t.n
	case f.family == "decimal" && t.family == "decimal":
		return (!t.unsigned || f.unsigned) && t.n-t.scale >= f.n-f.scale && t.scale >= f.scale
	case f.family == "float" && t.family == "float":
		return t.n >= f.n
	case (f.family == "string" || f.family == "char" || f.family == "json") && t.family == "string":
		return t.n >= f.n && t.bytes >= f.bytes
	case f.family == "char" && t.family == "char":
		return t.n >= f.n
	case (f.family == "binary" || f.family == "fixedbinary") && t.family == "binary":
		return t.bytes >= f.bytes
	case (f.family == "enum" || f.family == "set") && t.family == f.family:
		return strings.HasPrefix(t.values, f.values+",") // values appended keep their numbers
	case f.family == "enum" && t.family == "string":
		longest := 0
		for _, v := range strings.Split(f.values, ",") {
			longest = max(longest, len(v)-2)
		}
		return t.n >= longest
	case f.family == "bit" && t.family == "bit":
		return t.n >= f.n
	case f.family == t.family && myTemporal[f.family]:
		return t.n >= f.n
	case (f.family == "date" || f.family == "timestamp") && t.family == "datetime":
		return t.n >= f.n
	}
	return false
}
