package schema

import "sort"

// Object is something the database holds that the model does not express:
// an object of a kind retort does not manage (a sequence, a function, an
// exclusion constraint...), or the attributes of a modelled object that
// the model has no field for (an index's INCLUDE columns, WITH options).
// Reflection lists them so that a difference retort cannot express is
// reported instead of silently ignored.
type Object struct {
	// Kind names the kind in words, as messages print it: "sequence",
	// "exclusion constraint", "index options".
	Kind   string
	Schema string // namespace (PostgreSQL schema); "" means the default
	Name   string
	// Table is the table (or view) the object belongs to; "" for objects
	// that stand on their own.
	Table string
	// Definition is the dialect's normalized definition text. Two objects
	// of the same kind and name are the same when their definitions are.
	Definition string
}

// Key identifies an object across two schemas.
func (o Object) Key() string {
	return o.Kind + "\x00" + o.Schema + "\x00" + o.Table + "\x00" + o.Name
}

// Less orders objects by kind, schema, table and name.
func (o Object) Less(p Object) bool {
	if o.Kind != p.Kind {
		return o.Kind < p.Kind
	}
	if o.Schema != p.Schema {
		return o.Schema < p.Schema
	}
	if o.Table != p.Table {
		return o.Table < p.Table
	}
	if o.Name != p.Name {
		return o.Name < p.Name
	}
	return o.Definition < p.Definition
}

// SortObjects orders objects by Less, so reflections of the same
// database list them alike.
func SortObjects(objs []Object) {
	sort.Slice(objs, func(i, j int) bool { return objs[i].Less(objs[j]) })
}
