package dialect

import "github.com/retortdb/retort/op"

// TypeMapper is implemented by dialects that spell the builder's portable
// types (op.Integer, op.String(n)...) their own way.
type TypeMapper interface {
	MapType(t op.Type) (string, error)
}

// TypeFunc returns the function that spells portable types for d:
// its TypeMapper, else op.StandardType. Raw types pass through.
func TypeFunc(d Dialect) op.TypeFunc {
	if m, ok := d.(TypeMapper); ok {
		return func(t op.Type) (string, error) {
			if t.Kind == op.KindRaw {
				return op.StandardType(t)
			}
			return m.MapType(t)
		}
	}
	return op.StandardType
}
