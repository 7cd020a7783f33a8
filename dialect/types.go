package dialect

import (
	"strings"

	"github.com/retortdb/retort/op"
)

// TypeMapper spells the builder's portable types (op.Integer,
// op.String(n)...) the dialect's own way.
type TypeMapper interface {
	MapType(t op.Type) (string, error)
}

// TypeFunc returns the function that spells portable types for d with
// its MapType. Raw types pass through.
func TypeFunc(d Dialect) op.TypeFunc {
	return func(t op.Type) (string, error) {
		if t.Kind == op.KindRaw {
			return op.StandardType(t)
		}
		return d.MapType(t)
	}
}

// TypeNarrower knows which column type changes can lose data.
type TypeNarrower interface {
	// NarrowsType reports whether converting a column's values from type
	// from to type to can lose or alter some of them (a shorter string,
	// a smaller integer, fewer decimal digits, a cast that rewrites the
	// text), so the change needs the same decision as a drop. Types are
	// spelled as the dialect reflects or renders them, in any letter
	// case. Optional: Base says every change of spelling narrows.
	NarrowsType(from, to string) bool
}

// sameTypeText compares two type spellings ignoring case and spacing.
func sameTypeText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
