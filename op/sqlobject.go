package op

import "github.com/retortdb/retort/schema"

// CreateObject creates an SQL object (see schema.SQLObject) with its
// Create statements.
type CreateObject struct{ Object *schema.SQLObject }

// DropObject drops an SQL object with its Drop statements; it keeps the
// whole object so the reverse can create it again.
type DropObject struct{ Object *schema.SQLObject }

// AlterObject changes an SQL object's definition from From to To (same
// key). The dialect renders it in place when it can (From.InPlace and
// To.InPlace), else as a drop and a create.
type AlterObject struct{ From, To *schema.SQLObject }

func (o CreateObject) Reverse() Op { return DropObject(o) }
func (o DropObject) Reverse() Op   { return CreateObject(o) }
func (o AlterObject) Reverse() Op  { return AlterObject{From: o.To, To: o.From} }

func (o CreateObject) TableRef() Ref { return objectRef(o.Object) }
func (o DropObject) TableRef() Ref   { return objectRef(o.Object) }
func (o AlterObject) TableRef() Ref  { return objectRef(o.To) }

func (o CreateObject) String() string { return "create " + o.Object.Label() }
func (o DropObject) String() string   { return "drop " + o.Object.Label() }
func (o AlterObject) String() string  { return "alter " + o.To.Label() }

// objectRef is the table an object belongs to, the zero Ref for objects
// that stand on their own.
func objectRef(o *schema.SQLObject) Ref {
	if o.Table == "" {
		return Ref{}
	}
	return Ref{Schema: o.Schema, Name: o.Table}
}

// ObjectStatements renders an object operation with the statements the
// objects carry: an alter is the old object's drop and the new one's
// create. Dialects that alter some kinds in place handle AlterObject for
// those first and call this for the rest.
func ObjectStatements(o Op) ([]string, bool) {
	switch o := o.(type) {
	case CreateObject:
		return append([]string(nil), o.Object.Create...), true
	case DropObject:
		return append([]string(nil), o.Object.Drop...), true
	case AlterObject:
		out := append([]string(nil), o.From.Drop...)
		return append(out, o.To.Create...), true
	}
	return nil, false
}
