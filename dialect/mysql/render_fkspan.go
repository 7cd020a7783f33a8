package mysql

import (
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// gatherFKSpans moves the other changes of a table that lie between the
// drop and the re-add of its foreign keys next to them, so foreignKeys
// renders them as one ALTER TABLE and the table is never without its key.
// The diff puts every key drop first and every add last, with the other
// tables' changes in between; the table's changes move later (to the
// add) when nothing in between depends on them, else earlier (to the
// drop) when they depend on nothing in between. Changes of a referenced
// table that the old key survives go first (earlyParentChanges). When
// neither holds (a referenced column changes in between, which needs the
// key gone), the order is kept, and lint's fk-gap rule reports it.
func gatherFKSpans(ops []op.Op) []op.Op {
	ops = append([]op.Op(nil), ops...)
	gathered := map[op.Ref]bool{}
	for i := 0; i < len(ops); i++ {
		drop, ok := ops[i].(op.DropForeignKey)
		if !ok || gathered[drop.Table] {
			continue
		}
		t := drop.Table
		last := -1
		for k := i + 1; k < len(ops); k++ {
			if a, ok := ops[k].(op.AddForeignKey); ok && a.Table == t {
				last = k
			}
		}
		if last < 0 {
			continue
		}
		var members, others []op.Op
		mergeable := true
		refs := map[op.Ref][]string{}
		oldRefs := map[op.Ref][][]string{}
		for _, o := range ops[i : last+1] {
			if o.TableRef() != t {
				others = append(others, o)
				continue
			}
			if !spanMember(o) {
				mergeable = false
				break
			}
			members = append(members, o)
			switch o := o.(type) {
			case op.DropForeignKey:
				k := refOf(t, o.FK)
				refs[k] = append(refs[k], o.FK.RefColumns...)
				oldRefs[k] = append(oldRefs[k], o.FK.RefColumns)
			case op.AddForeignKey:
				k := refOf(t, o.FK)
				refs[k] = append(refs[k], o.FK.RefColumns...)
			}
		}
		if !mergeable {
			continue
		}
		members, after := splitDrops(members)
		early, others := earlyParentChanges(others, oldRefs)
		if len(early) == 0 && len(others) == 0 && len(after) == 0 {
			continue
		}
		order := early
		switch {
		case len(others) == 0:
			order = append(append(order, members...), after...)
		case !anyOther(others, func(o op.Op) bool { return dependsOnTable(o, t, refs, true) }):
			order = append(append(append(order, others...), members...), after...)
		case !anyOther(others, func(o op.Op) bool { return dependsOnTable(o, t, refs, false) }):
			order = append(append(append(order, members...), after...), others...)
		default:
			continue
		}
		copy(ops[i:last+1], order)
		// Another table's span may have moved to i: look again. Each table
		// is gathered once, and moving a span keeps the others whole.
		gathered[t] = true
		i--
	}
	return ops
}

// splitDrops takes the dropped columns out of a span: they follow the
// merged ALTER as statements of their own, so lint sees each DROP COLUMN
// (the merged statement holds only what the key change needs). A column
// whose name the span adds or renames stays in.
func splitDrops(members []op.Op) (keep, drops []op.Op) {
	named := map[string]bool{}
	for _, o := range members {
		switch o := o.(type) {
		case op.AddColumn:
			named[strings.ToLower(o.Column.Name)] = true
		case op.RenameColumn:
			named[strings.ToLower(o.Old)], named[strings.ToLower(o.New)] = true, true
		}
	}
	for _, o := range members {
		if d, ok := o.(op.DropColumn); ok && !named[strings.ToLower(d.Column.Name)] {
			drops = append(drops, o)
			continue
		}
		keep = append(keep, o)
	}
	return keep, drops
}

// spanMember reports whether o can be a clause of the merged ALTER.
func spanMember(o op.Op) bool {
	switch o.(type) {
	case op.AddColumn, op.DropColumn, op.AlterColumn, op.RenameColumn, op.AlterPrimaryKey,
		op.AddUnique, op.DropUnique, op.AddCheck, op.DropCheck, op.CreateIndex, op.DropIndex,
		op.RenameIndex, op.SetTableComment, op.AddForeignKey, op.DropForeignKey:
		return true
	}
	return false
}

func anyOther(ops []op.Op, f func(op.Op) bool) bool {
	for _, o := range ops {
		if f(o) {
			return true
		}
	}
	return false
}

// dependsOnTable reports whether o, a change of another table, cannot
// trade places with the changes of table t: it changes what t's keys
// reference (refs: table -> referenced columns), or refers to t itself in
// a way that needs t's changes done first (late: the table's changes
// would move after o) or o done first (early). Anything it cannot judge
// counts as dependent.
func dependsOnTable(o op.Op, t op.Ref, refs map[op.Ref][]string, late bool) bool {
	if !spanMember(o) {
		switch o.(type) {
		case op.CreateTable, op.DropTable:
		default:
			return true
		}
	}
	owner := o.TableRef()
	for r, cols := range refs {
		if sameRef(r, owner) && touchesKey(o, cols) {
			return true
		}
	}
	var keys []*schema.ForeignKey
	switch o := o.(type) {
	case op.AddForeignKey:
		if late {
			keys = []*schema.ForeignKey{o.FK}
		}
	case op.DropForeignKey:
		if !late {
			keys = []*schema.ForeignKey{o.FK}
		}
	case op.CreateTable:
		if late {
			keys = o.Table.ForeignKeys
		}
	case op.DropTable:
		if !late {
			keys = o.Table.ForeignKeys
		}
	}
	for _, k := range keys {
		if sameRef(refOf(owner, k), t) {
			return true
		}
	}
	return false
}

// refOf is the table fk of owner references.
func refOf(owner op.Ref, fk *schema.ForeignKey) op.Ref {
	if fk.RefSchema == "" {
		return op.Ref{Schema: owner.Schema, Name: fk.RefTable}
	}
	return op.Ref{Schema: fk.RefSchema, Name: fk.RefTable}
}

func sameRef(a, b op.Ref) bool {
	return strings.EqualFold(a.Schema, b.Schema) && strings.EqualFold(a.Name, b.Name)
}

// touchesKey reports whether o, a change of a referenced table, may
// change what a key over cols references: the table itself, its keys and
// indexes, or one of cols.
func touchesKey(o op.Op, cols []string) bool {
	var col string
	switch o := o.(type) {
	case op.AddColumn, op.AddCheck, op.DropCheck, op.RenameIndex, op.SetTableComment,
		op.AddForeignKey, op.DropForeignKey:
		return false
	case op.AlterColumn:
		col = o.From.Name
	case op.DropColumn:
		col = o.Column.Name
	case op.RenameColumn:
		col = o.Old
	default:
		return true
	}
	for _, c := range cols {
		if strings.EqualFold(c, col) {
			return true
		}
	}
	return false
}
