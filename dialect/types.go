package dialect

import "github.com/retortdb/retort/op"

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
