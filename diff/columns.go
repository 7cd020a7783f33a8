package diff

import (
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// sameColumn reports whether two same-named columns are defined alike.
// Both come from the same dialect's reflector, so text compares exactly;
// only the type name is compared case-insensitively.
func sameColumn(a, b *schema.Column) bool {
	return !reshapes(a, b) &&
		a.Nullable == b.Nullable &&
		sameDefault(a.Default, b.Default) &&
		a.AutoIncrement == b.AutoIncrement &&
		a.NotNullConflict == b.NotNullConflict &&
		strings.EqualFold(string(a.Identity), string(b.Identity)) &&
		sameSeqOptions(a.IdentityOpts, b.IdentityOpts) &&
		a.Comment == b.Comment
}

// sameSeqOptions compares identity options; nil is the defaults.
func sameSeqOptions(a, b *schema.SeqOptions) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// reshapes reports a change to what the column stores (type, collation,
// generation, dialect attributes such as unsigned or charset): keys that
// reference the column must be dropped around it.
func reshapes(a, b *schema.Column) bool {
	return !strings.EqualFold(a.Type, b.Type) ||
		a.Collation != b.Collation ||
		!sameGenerated(a.Generated, b.Generated) ||
		!sameAttrs(a.Attrs, b.Attrs)
}

func sameDefault(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func sameGenerated(a, b *schema.Generated) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Expr == b.Expr && a.Stored == b.Stored
}

// sameAttrs compares attribute maps; nil equals empty.
func sameAttrs(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// samePrimaryKey compares primary keys by columns, their direction and
// the key's index options (MySQL's USING): a
// name that differs is a rename (see renamePrimaryKey), not a new key.
func samePrimaryKey(a, b *schema.PrimaryKey) bool {
	if a == nil || len(a.Columns) == 0 || b == nil || len(b.Columns) == 0 {
		return (a == nil || len(a.Columns) == 0) && (b == nil || len(b.Columns) == 0)
	}
	return schema.SameColumns(a.Columns, b.Columns) && schema.SameColumns(a.Desc, b.Desc) &&
		schema.SameColumns(a.Include, b.Include) && sameParams(a.Params, b.Params) && a.OnConflict == b.OnConflict && strings.EqualFold(a.Method, b.Method)
}

// diffColumns fills the column part of a kept table's changes. A column
// of early is dropped before the SQL objects and added again as desired
// after them, its dependents with it (rebuilt).
func (k *kept) diffColumns(early colSet) {
	from, to := k.from, k.to
	for _, c := range to.Columns {
		old := from.Column(c.Name)
		switch {
		case old != nil && early.hitsAny([]string{c.Name}):
			k.dropGenerated = append(k.dropGenerated, op.DropColumn{Table: k.ref, Column: old})
			k.addCols = append(k.addCols, op.AddColumn{Table: k.ref, Column: c})
			k.reshaped.add(c.Name)
			k.rebuilt.add(c.Name)
		case old == nil:
			k.addCols = append(k.addCols, op.AddColumn{Table: k.ref, Column: c})
			k.added.add(c.Name)
		case !sameColumn(old, c):
			k.alters = append(k.alters, op.AlterColumn{Table: k.ref, From: old, To: c})
			if reshapes(old, c) {
				k.reshaped.add(c.Name)
			}
			if !sameGenerated(old.Generated, c.Generated) {
				k.rebuilt.add(c.Name)
			}
		}
	}
	for _, c := range from.Columns {
		if to.Column(c.Name) == nil {
			if early.hitsAny([]string{c.Name}) {
				k.dropGenerated = append(k.dropGenerated, op.DropColumn{Table: k.ref, Column: c})
			} else {
				k.dropCols = append(k.dropCols, op.DropColumn{Table: k.ref, Column: c})
			}
			k.droppedCols.add(c.Name)
		}
	}
	if !samePrimaryKey(from.PrimaryKey, to.PrimaryKey) {
		k.pk = &op.AlterPrimaryKey{Table: k.ref, From: from.PrimaryKey, To: to.PrimaryKey}
		if from.PrimaryKey != nil && len(from.PrimaryKey.Columns) > 0 {
			k.keysOld = append(k.keysOld, from.PrimaryKey.Columns)
		}
		if to.PrimaryKey != nil && len(to.PrimaryKey.Columns) > 0 {
			k.keysNew = append(k.keysNew, to.PrimaryKey.Columns)
		}
	}
	if from.Comment != to.Comment {
		k.comment = &op.SetTableComment{Table: k.ref, From: from.Comment, To: to.Comment}
	}
	if k.pk == nil && from.PrimaryKey != nil && to.PrimaryKey != nil {
		k.commentOn(from.PrimaryKey.Name, from.PrimaryKey.Comment, to.PrimaryKey.Comment)
	}
}

// diffOptions fills the kept table's option change: the compared keys
// only, each side holding the ones it has.
func (k *kept) diffOptions(keys []string) {
	from, to := map[string]string{}, map[string]string{}
	changed := false
	for _, key := range keys {
		a, inFrom := k.from.Options[key]
		b, inTo := k.to.Options[key]
		if inFrom {
			from[key] = a
		}
		if inTo {
			to[key] = b
		}
		changed = changed || a != b || inFrom != inTo
	}
	if changed {
		k.options = &op.SetTableOptions{Table: k.ref, From: from, To: to}
	}
}
