package schema

import "sort"

// SQLObject is an object retort manages by its definition: a sequence,
// a function, a domain, an event... Reflection fills every field, from
// the catalog, so two databases holding the same object give equal
// values; diff compares Definition and runs Create and Drop. Kinds whose
// fields the rest of the model needs (tables, views, enums) are modelled
// as their own types instead.
type SQLObject struct {
	// Kind names the kind in words, as messages print it: "sequence",
	// "function", "event".
	Kind   string
	Schema string // namespace (PostgreSQL schema); "" means the default
	// Name identifies the object within its kind and schema; a function's
	// name includes its argument types, since overloads are distinct.
	Name string
	// Table is the table the object belongs to (a policy); "" for
	// objects that stand on their own.
	Table string
	// Definition is the dialect's normalized definition text: two
	// objects of the same key are the same object when their
	// definitions are equal.
	Definition string
	// Create and Drop are the statements that create and drop the
	// object, in order.
	Create []string
	Drop   []string
	// Phase says whether tables may need the object (created before
	// tables, dropped after them) or the object needs tables.
	Phase ObjectPhase
	// InPlace: a changed definition is applied without dropping the
	// object (CREATE OR REPLACE, ALTER), so what depends on it stays.
	InPlace bool
	// Fixed is what no in-place change alters (a function's arguments
	// and result, a domain's base type): when it differs, the object is
	// dropped and created, and what uses it with it.
	Fixed string
	// Deps are the keys (ObjectKey) of the SQL objects, and the
	// TableKey of the tables, the object depends on. Diff creates
	// dependencies first and drops dependents first, and recreates an
	// object whose dependency is dropped and created again.
	Deps []string
	// Users are the table items the database records as using the
	// object, which it refuses to drop while they exist: diff drops them
	// before the object and creates them again after (see ObjectUser),
	// and rendering the drop refuses if one is left (op.UsersLeft).
	// Objects that use it are in their own Deps instead.
	Users []ObjectUser
	// Attrs holds dialect-owned structured details the dialect's renderer
	// needs to alter the object in place (sequence options...); diff
	// ignores them.
	Attrs map[string]string
}

// ObjectUser is a table item that uses an SQL object: Kind is one of
// the UseDefault... kinds (another kind names what diff does not drop
// and create, so rendering the object's drop refuses), Table its table
// ("" for a view) and Name the column, constraint, index, view or
// trigger.
type ObjectUser struct {
	Kind                string
	Schema, Table, Name string
}

// The kinds of ObjectUser that diff drops and creates around the object.
const (
	UseDefault   = "default"          // a column's DEFAULT
	UseGenerated = "generated column" // a generated column's expression
	UseCheck     = "check"            // a CHECK constraint
	UseIndex     = "index"            // an index's expression or predicate
	UseView      = "view"             // a view or materialized view
	UseTrigger   = "trigger"          // a trigger
	// UseColumn is a column of the type (a domain): diff leaves it, so
	// the type's drop is refused unless the column is dropped or retyped.
	UseColumn = "column"
)

// Label is the user as messages print it: "check t_id_check on t".
func (u ObjectUser) Label() string {
	name := u.Name
	if u.Table == "" && u.Schema != "" {
		name = u.Schema + "." + name
	}
	switch {
	case u.Kind == UseDefault:
		return "default of column " + qualifiedTable(u.Schema, u.Table) + "." + u.Name
	case u.Kind == UseGenerated || u.Kind == UseColumn:
		return u.Kind + " " + qualifiedTable(u.Schema, u.Table) + "." + u.Name
	case u.Table != "":
		return u.Kind + " " + name + " on " + qualifiedTable(u.Schema, u.Table)
	}
	return u.Kind + " " + name
}

func qualifiedTable(sch, name string) string {
	if sch == "" {
		return name
	}
	return sch + "." + name
}

// ObjectPhase places an object's creation relative to tables.
type ObjectPhase string

const (
	// BeforeTables objects (types, domains, sequences, functions) are
	// created before tables and dropped after them, since a column, a
	// default, a check or a trigger may use them. It is the zero value.
	BeforeTables ObjectPhase = ""
	// AfterTables objects (policies, events, materialized views) are
	// created after tables and views and dropped before them.
	AfterTables ObjectPhase = "after tables"
	// Container objects (a PostgreSQL schema) hold the others: created
	// before everything and dropped after everything.
	Container ObjectPhase = "container"
)

// Key identifies the object across two schemas.
func (o *SQLObject) Key() string { return ObjectKey(o.Kind, o.Schema, o.Table, o.Name) }

// ObjectKey is the key of an SQL object of the given kind and names.
func ObjectKey(kind, sch, table, name string) string {
	return kind + "\x00" + sch + "\x00" + table + "\x00" + name
}

// TableKey is the dependency key of a table or view, for SQLObject.Deps.
func TableKey(sch, name string) string { return ObjectKey("table", sch, "", name) }

// Label is the object as messages print it: "function f(integer)",
// "policy p on notes".
func (o *SQLObject) Label() string {
	name := o.Name
	if o.Schema != "" {
		name = o.Schema + "." + name
	}
	if o.Table != "" {
		return o.Kind + " " + name + " on " + o.Table
	}
	return o.Kind + " " + name
}

// SortSQLObjects orders objects by kind, schema, table and name.
func SortSQLObjects(objs []*SQLObject) {
	sort.Slice(objs, func(i, j int) bool { return objs[i].Key() < objs[j].Key() })
}

// Object returns the SQL object with the given key (SQLObject.Key), or nil.
func (s *Schema) Object(key string) *SQLObject {
	for _, o := range s.Objects {
		if o.Key() == key {
			return o
		}
	}
	return nil
}
