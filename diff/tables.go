package diff

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// createTables emits new tables parents first. Keys that close a cycle
// among new tables, or that reference a kept table's column or key that
// changes later, are left out of CreateTable and added at the end.
func (d *differ) createTables() {
	named := make([]*schema.Table, len(d.created))
	for i, t := range d.created {
		named[i] = nameConstraints(t, d.opts.Naming)
	}
	g := newTableGraph(named)
	order, back := g.sort()
	later := map[*schema.ForeignKey]bool{}
	for _, e := range back {
		later[e.fk] = true
	}
	for _, t := range named {
		for _, fk := range t.ForeignKeys {
			if k := d.kept[refKey(t, fk)]; k != nil && k.keyChanges(fk.RefColumns) {
				later[fk] = true
			}
		}
	}
	for _, i := range order {
		t := g.tables[i]
		d.p.createTables = append(d.p.createTables, op.CreateTable{Table: withoutFKs(t, later)})
		for _, fk := range t.ForeignKeys {
			if later[fk] {
				d.p.addFKs = append(d.p.addFKs, op.AddForeignKey{Table: op.RefOf(t), FK: fk})
			}
		}
	}
}

// dropTables emits removed tables children first. Keys that close a cycle
// among them, or that reference a kept table's column or key that the
// later phases change, are dropped first, so the downgrade recreates the tables
// without them and adds them back at the end.
func (d *differ) dropTables() {
	g := newTableGraph(d.dropped)
	order, back := g.sort()
	first := map[*schema.ForeignKey]bool{}
	for _, e := range back {
		first[e.fk] = true
	}
	for _, t := range g.tables {
		for _, fk := range t.ForeignKeys {
			if k := d.kept[refKey(t, fk)]; k != nil && k.keyChanges(fk.RefColumns) {
				first[fk] = true
			}
		}
		for _, fk := range t.ForeignKeys {
			if first[fk] {
				d.p.dropFKs = append(d.p.dropFKs, op.DropForeignKey{Table: op.RefOf(t), FK: fk})
			}
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		t := g.tables[order[i]]
		d.p.dropTables = append(d.p.dropTables, op.DropTable{Table: withoutFKs(t, first)})
	}
}

// withoutFKs returns t, or a shallow copy without the given keys.
func withoutFKs(t *schema.Table, skip map[*schema.ForeignKey]bool) *schema.Table {
	var keep []*schema.ForeignKey
	cut := false
	for _, fk := range t.ForeignKeys {
		if skip[fk] {
			cut = true
			continue
		}
		keep = append(keep, fk)
	}
	if !cut {
		return t
	}
	c := *t
	c.ForeignKeys = keep
	return &c
}

// nameConstraints returns t, or a shallow copy whose unnamed foreign keys,
// uniques and checks carry names from n.
func nameConstraints(t *schema.Table, n schema.Naming) *schema.Table {
	unnamed := false
	for _, fk := range t.ForeignKeys {
		unnamed = unnamed || fk.Name == ""
	}
	for _, u := range t.Uniques {
		unnamed = unnamed || u.Name == ""
	}
	for _, c := range t.Checks {
		unnamed = unnamed || c.Name == ""
	}
	if !unnamed {
		return t
	}
	nm := newNamer(n, t)
	c := *t
	c.ForeignKeys = make([]*schema.ForeignKey, len(t.ForeignKeys))
	for i, fk := range t.ForeignKeys {
		c.ForeignKeys[i] = nm.namedFK(fk, "")
	}
	c.Uniques = make([]*schema.Unique, len(t.Uniques))
	for i, u := range t.Uniques {
		c.Uniques[i] = nm.namedUnique(u, "")
	}
	c.Checks = make([]*schema.Check, len(t.Checks))
	for i, ck := range t.Checks {
		c.Checks[i] = nm.namedCheck(ck, "")
	}
	return &c
}

// foreignKeys emits the foreign key changes of kept tables. A key whose
// target or options change is dropped and added again; so is an unchanged
// key whose columns or referenced key change underneath it (a database
// refuses to drop a key or retype a column a foreign key relies on).
func (d *differ) foreignKeys() {
	for _, k := range d.keptOrder {
		from, to := k.from.ForeignKeys, k.to.ForeignKeys
		drop := func(fk *schema.ForeignKey) {
			d.p.dropFKs = append(d.p.dropFKs, op.DropForeignKey{Table: k.ref, FK: fk})
		}
		add := func(fk *schema.ForeignKey, fallback string) {
			d.p.addFKs = append(d.p.addFKs, op.AddForeignKey{Table: k.ref, FK: k.names.namedFK(fk, fallback)})
		}
		for _, p := range k.fks.pairs {
			l, w := from[p.live], to[p.want]
			switch {
			case !l.SameTarget(w) || !l.SameOptions(w) || d.disturbed(k, l):
				drop(l)
				add(w, l.Name)
			case l.Name != "" && w.Name != "" && l.Name != w.Name:
				d.p.renames = append(d.p.renames, op.RenameConstraint{Table: k.ref, Kind: schema.KindForeignKey, Old: l.Name, New: w.Name})
				k.commentOn(w.Name, l.Comment, w.Comment)
			default:
				k.commentOn(l.Name, l.Comment, w.Comment)
			}
		}
		for _, i := range k.fks.dropped {
			drop(from[i])
		}
		for _, i := range k.fks.added {
			add(to[i], "")
		}
	}
	sortByTableAndName(d.p.renames)
	d.p.renames = chainRenames(d.p.renames)
}

// chainRenames moves a rename after the one that frees its new name
// (b -> c before a -> b), within one table.
func chainRenames(ops []op.Op) []op.Op {
	type rn struct{ old, new string }
	names := func(o op.Op) rn {
		switch o := o.(type) {
		case op.RenameConstraint:
			return rn{o.Old, o.New}
		case op.RenameIndex:
			return rn{o.Old, o.New}
		}
		return rn{}
	}
	type at struct {
		t    op.Ref
		name string
	}
	byOld := make(map[at]int, len(ops))
	for j, b := range ops {
		byOld[at{b.TableRef(), names(b).old}] = j
	}
	deps := make([][]int, len(ops))
	for i, a := range ops {
		if j, ok := byOld[at{a.TableRef(), names(a).new}]; ok && j != i {
			deps[i] = append(deps[i], j)
		}
	}
	out := make([]op.Op, 0, len(ops))
	for _, i := range orderByDeps(len(ops), deps) {
		out = append(out, ops[i])
	}
	return out
}

// disturbed reports whether an unchanged key on kept table k relies on a
// column or key that changes: its own columns are retyped (or, where keys
// need an index, lose it), or the referenced columns are retyped or lose
// their key.
func (d *differ) disturbed(k *kept, fk *schema.ForeignKey) bool {
	if k.reshaped.hitsAny(fk.Columns) || (d.opts.FKNeedsIndex && keyCovers(k.keysOld, fk.Columns)) {
		return true
	}
	p := d.kept[refKey(k.from, fk)]
	return p != nil && (p.reshaped.hitsAny(fk.RefColumns) || keyCovers(p.keysOld, fk.RefColumns))
}
