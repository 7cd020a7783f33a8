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

// TypeNames spells portable types one dialect's way: the name of a kind,
// or for KindString and KindDecimal the name the size (and scale) follow.
// Kinds left out, and KindRaw, are spelled by op.StandardType.
type TypeNames map[op.TypeKind]string

// Spell spells t with the names; a dialect's MapType calls it.
func (n TypeNames) Spell(t op.Type) (string, error) {
	name, ok := n[t.Kind]
	switch {
	case !ok || t.Kind == op.KindRaw:
		return op.StandardType(t)
	case t.Kind == op.KindString:
		return op.StringType(name, t)
	case t.Kind == op.KindDecimal:
		return op.DecimalType(name, t)
	}
	return name, nil
}
