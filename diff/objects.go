package diff

import (
	"slices"
	"sort"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// objects emits SQL-object changes (schema.SQLObject). An object is
// dropped when it is gone from the desired schema, and dropped and
// created again when its definition changed and the dialect cannot change
// it in place, or when something it depends on is dropped: a table or
// view that is dropped, reshaped or recreated, or another object that is.
// Objects that tables may need are created before tables (an in-place
// change with them) and dropped after; objects that need tables are
// dropped before any table changes and created after the views.
// Containers are created first and dropped last.
func (d *differ) objects() {
	live := append([]*schema.SQLObject(nil), d.from.Objects...)
	want := append([]*schema.SQLObject(nil), d.to.Objects...)
	schema.SortSQLObjects(live)
	schema.SortSQLObjects(want)
	wantBy := make(map[string]*schema.SQLObject, len(want))
	for _, o := range want {
		wantBy[o.Key()] = o
	}
	liveBy := make(map[string]*schema.SQLObject, len(live))
	for _, o := range live {
		liveBy[o.Key()] = o
	}
	gone := d.goneObjects()

	// Drops, dependents first.
	for _, i := range reversed(orderObjects(live)) {
		o := live[i]
		if !gone[o.Key()] {
			continue
		}
		drop := op.DropObject{Object: o}
		switch {
		case o.Phase == schema.Container:
			d.p.dropContainers = append(d.p.dropContainers, drop)
		case o.Phase == schema.AfterTables && len(o.Users) > 0:
			d.p.dropUsedObjects = append(d.p.dropUsedObjects, drop) // after its users, which go after the objects on tables
		case wantBy[o.Key()] == nil && len(o.Users) > 0 && !neededBefore(live, o) && droppedEarly(o.Users):
			// Right after its users, before they are created again: an
			// overload replacing it (new arguments) could else make
			// their calls ambiguous, or bind them to it.
			d.p.dropUsedObjects = append(d.p.dropUsedObjects, drop)
		case o.Phase == schema.AfterTables:
			d.p.dropObjectsAfter = append(d.p.dropObjectsAfter, drop)
		case wantBy[o.Key()] != nil:
			d.p.objectsBefore = append(d.p.objectsBefore, drop) // dropped and created again in place
		default:
			d.p.dropObjectsBefore = append(d.p.dropObjectsBefore, drop)
		}
	}
	// Creates and alters, dependencies first.
	for _, i := range orderObjects(want) {
		o := want[i]
		var change op.Op
		switch old := liveBy[o.Key()]; {
		case old == nil || gone[o.Key()]:
			change = op.CreateObject{Object: o}
		case old.Definition != o.Definition:
			change = op.AlterObject{From: old, To: o}
		default:
			continue
		}
		switch o.Phase {
		case schema.Container:
			d.p.createContainers = append(d.p.createContainers, change)
		case schema.AfterTables:
			d.p.objectsAfter = append(d.p.objectsAfter, change)
		default:
			d.p.objectsBefore = append(d.p.objectsBefore, change)
		}
	}
}

// goneObjects returns the keys of the live objects and tables that are
// dropped (and maybe created again) by this change: views count once
// views() has run.
func (d *differ) goneObjects() map[string]bool {
	wantBy := make(map[string]*schema.SQLObject, len(d.to.Objects))
	for _, o := range d.to.Objects {
		wantBy[o.Key()] = o
	}
	live := d.from.Objects
	gone := map[string]bool{}
	for _, t := range d.dropped {
		gone[schema.TableKey(t.Schema, t.Name)] = true
	}
	for _, k := range d.keptOrder {
		if len(k.reshaped) > 0 || len(k.droppedCols) > 0 {
			gone[schema.TableKey(k.from.Schema, k.from.Name)] = true
		}
	}
	for k := range d.dropViewSet {
		gone[schema.TableKey(k.schema, k.name)] = true
	}
	for _, o := range live {
		w := wantBy[o.Key()]
		if w == nil || (w.Definition != o.Definition && !(o.InPlace && w.InPlace && o.Fixed == w.Fixed)) {
			gone[o.Key()] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, o := range live {
			if gone[o.Key()] {
				continue
			}
			if slices.ContainsFunc(o.Deps, func(k string) bool { return gone[k] }) {
				gone[o.Key()], changed = true, true
			}
		}
	}
	return gone
}

// neededBefore reports whether an object created before tables depends
// on o: it is dropped with the objects dropped last, and o after it.
func neededBefore(live []*schema.SQLObject, o *schema.SQLObject) bool {
	return slices.ContainsFunc(live, func(x *schema.SQLObject) bool {
		return x != o && x.Phase == schema.BeforeTables && slices.Contains(x.Deps, o.Key())
	})
}

// droppedEarly reports whether diff drops every one of users before the
// objects created before tables (objectUsers, generatedUsers); a column
// of a type changes only with the other column changes.
func droppedEarly(users []schema.ObjectUser) bool {
	return !slices.ContainsFunc(users, func(u schema.ObjectUser) bool {
		return !slices.Contains([]string{schema.UseDefault, schema.UseCheck, schema.UseIndex, schema.UseView, schema.UseTrigger, schema.UseGenerated}, u.Kind)
	})
}

// orderObjects returns the indices of objs (sorted by key) with every
// object after the objects of objs it depends on.
func orderObjects(objs []*schema.SQLObject) []int {
	idx := make(map[string]int, len(objs))
	for i, o := range objs {
		idx[o.Key()] = i
	}
	deps := make([][]int, len(objs))
	for i, o := range objs {
		for _, k := range o.Deps {
			if j, ok := idx[k]; ok && j != i {
				deps[i] = append(deps[i], j)
			}
		}
		sort.Ints(deps[i])
	}
	return orderByDeps(len(objs), deps)
}

func reversed(order []int) []int {
	out := make([]int, len(order))
	for i, v := range order {
		out[len(order)-1-i] = v
	}
	return out
}
