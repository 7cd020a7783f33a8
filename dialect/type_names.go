package dialect

import "github.com/retortdb/retort/op"

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
