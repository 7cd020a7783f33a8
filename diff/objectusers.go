package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// objectUsers handles the users (schema.SQLObject.Users) of the live SQL
// objects that this change drops: the database refuses the drop while
// they exist, and CASCADE would drop them unseen. Each is dropped before
// the object and created again after, as the desired schema has it: a
// column default (dropped early, set again with the column changes), a
// check, an index, a view, a trigger, a generated column (generatedUsers).
// A user on a table that is dropped goes with the table. Others (a column
// of a domain, a generated column that stops being generated) are left:
// rendering the object's drop then refuses, naming both (op.UsersLeft),
// while check still lists the difference.
func (d *differ) objectUsers() {
	d.usedViews, d.usedTriggers = map[tkey]bool{}, map[tkey]bool{}
	gone := d.goneObjects()
	for _, o := range d.from.Objects {
		if !gone[o.Key()] {
			continue
		}
		for _, u := range o.Users {
			d.objectUser(u)
		}
	}
}

// generatedUsers adds to d.early the generated columns of kept tables
// that use a live SQL object that is dropped, and reports whether it
// added any: the tables are then compared again. PostgreSQL cannot drop
// a generation expression and put it back, so such a column is dropped
// before the object and added again after it (its values are computed
// again), and what depends on it is dropped and created with it, as for
// a changed generation. Rebuilding a column can drop more objects (those
// that depend on its table), hence the repeat.
func (d *differ) generatedUsers() bool {
	if !slices.ContainsFunc(d.from.Objects, func(o *schema.SQLObject) bool {
		return slices.ContainsFunc(o.Users, func(u schema.ObjectUser) bool { return u.Kind == schema.UseGenerated })
	}) {
		return false // the common case, without working out what is dropped
	}
	more := false
	gone := d.goneObjects()
	for _, o := range d.from.Objects {
		if !gone[o.Key()] {
			continue
		}
		for _, u := range o.Users {
			k := d.kept[tkey{u.Schema, u.Table}]
			if u.Kind != schema.UseGenerated || k == nil || !d.rebuildable(k, u.Name) {
				continue
			}
			key := keyOf(k.to)
			if d.early[key] == nil {
				d.early[key] = colSet{}
			}
			if !d.early[key].hitsAny([]string{u.Name}) {
				d.early[key].add(u.Name)
				more = true
			}
		}
	}
	return more
}

// rebuildable reports whether generated column col of k can be dropped
// and added again: it stays generated (or goes), no primary key holds it
// (the drop would take the key along), and no object retort does not
// manage names it (extended statistics, column options), which the drop
// would lose.
func (d *differ) rebuildable(k *kept, col string) bool {
	c, w := k.from.Column(col), k.to.Column(col)
	inPK := func(pk *schema.PrimaryKey) bool {
		return pk != nil && slices.ContainsFunc(pk.Columns, func(n string) bool { return strings.EqualFold(n, col) })
	}
	unmanaged := slices.ContainsFunc(d.from.Unmanaged, func(o schema.Object) bool {
		return strings.EqualFold(o.Table, k.from.Name) && (strings.EqualFold(o.Name, col) || words(o.Definition)[strings.ToLower(col)])
	})
	return c != nil && c.Generated != nil && (w == nil || w.Generated != nil) && !inPK(k.from.PrimaryKey) && !inPK(k.to.PrimaryKey) && !unmanaged
}

// objectUser drops and recreates one user around an object's drop.
func (d *differ) objectUser(u schema.ObjectUser) {
	switch u.Kind {
	case schema.UseView:
		d.usedViews[tkey{u.Schema, u.Name}] = true
		return
	case schema.UseTrigger:
		d.usedTriggers[tkey{u.Schema, u.Name}] = true
		return
	}
	k := d.kept[tkey{u.Schema, u.Table}]
	if k == nil {
		return // a table dropped goes with its users; anything else is refused when rendered
	}
	switch u.Kind {
	case schema.UseDefault:
		k.defaultUser(u.Name)
	case schema.UseCheck:
		k.checkUser(u.Name)
	case schema.UseIndex:
		k.indexUser(u.Name)
	}
}

// defaultUser drops column col's default before the object and sets the
// desired one after it: every op of the table on that column starts from
// the column without its default.
func (k *kept) defaultUser(col string) {
	c := k.from.Column(col)
	if c == nil || c.Default == nil || slices.ContainsFunc(k.dropDefaults, func(o op.Op) bool { return o.(op.AlterColumn).From.Name == col }) {
		return
	}
	bare := *c
	bare.Default = nil
	k.dropDefaults = append(k.dropDefaults, op.AlterColumn{Table: k.ref, From: c, To: &bare})
	for i, a := range k.alters {
		if a.From.Name == col {
			k.alters[i].From = &bare
			return
		}
	}
	for i, dc := range k.dropCols {
		if dc.Column.Name == col {
			k.dropCols[i].Column = &bare
			return
		}
	}
	if w := k.to.Column(col); w != nil && w.Default != nil {
		k.alters = append(k.alters, op.AlterColumn{Table: k.ref, From: &bare, To: w})
	}
}

// checkUser drops check name and adds it again, unless the table's own
// changes already drop it.
func (k *kept) checkUser(name string) {
	for _, o := range k.dropChecks {
		if dc, ok := o.(op.DropCheck); ok && dc.Check.Name == name {
			return
		}
	}
	i := slices.IndexFunc(k.from.Checks, func(c *schema.Check) bool { return c.Name == name })
	if i < 0 {
		return
	}
	l := k.from.Checks[i]
	j := slices.IndexFunc(k.to.Checks, func(c *schema.Check) bool { return c.Name == name })
	if j < 0 {
		j = slices.IndexFunc(k.to.Checks, func(c *schema.Check) bool { return c.Expr == l.Expr })
	}
	if j < 0 {
		return // only in the live schema: dropped by the table's changes
	}
	w := k.to.Checks[j]
	k.renames = slices.DeleteFunc(k.renames, func(o op.Op) bool {
		r, ok := o.(op.RenameConstraint)
		return ok && r.Kind == schema.KindCheck && r.Old == name
	})
	k.dropChecks = append(k.dropChecks, op.DropCheck{Table: k.ref, Check: l})
	k.addChecks = append(k.addChecks, op.AddCheck{Table: k.ref, Check: k.names.namedCheck(w, l.Name)})
}

// indexUser drops index name and creates it again, unless the table's
// own changes already drop it.
func (k *kept) indexUser(name string) {
	for _, o := range k.dropIndexes {
		if di, ok := o.(op.DropIndex); ok && di.Index.Name == name {
			return
		}
	}
	i := slices.IndexFunc(k.from.Indexes, func(ix *schema.Index) bool { return ix.Name == name })
	if i < 0 {
		return
	}
	l := k.from.Indexes[i]
	j := slices.IndexFunc(k.to.Indexes, func(ix *schema.Index) bool { return ix.Name == name })
	if j < 0 {
		j = slices.IndexFunc(k.to.Indexes, func(ix *schema.Index) bool { return sameIndex(l, ix) })
	}
	if j < 0 {
		return // only in the live schema: dropped by the table's changes
	}
	w := k.to.Indexes[j]
	k.renames = slices.DeleteFunc(k.renames, func(o op.Op) bool {
		r, ok := o.(op.RenameIndex)
		return ok && r.Old == name
	})
	k.dropIndexes = append(k.dropIndexes, op.DropIndex{Table: k.ref, Index: l})
	k.addIndexes = append(k.addIndexes, op.CreateIndex{Table: k.ref, Index: w})
	if cols := indexColumns(l); cols != nil {
		k.keysOld = append(k.keysOld, cols)
	}
	if cols := indexColumns(w); cols != nil {
		k.keysNew = append(k.keysNew, cols)
	}
}
