package op

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

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

// UsersLeft returns the users (schema.SQLObject.Users) of o that s, the
// schema where o is about to be dropped, still holds and that none of
// done, the operations run before, dropped (a user dropped and created
// again uses what it names now): the database would refuse the drop.
// Users of kinds the model does not hold (a rule, an operator) are
// always left.
func UsersLeft(s *schema.Schema, o *schema.SQLObject, done []Op) []schema.ObjectUser {
	var left []schema.ObjectUser
	for _, u := range o.Users {
		if userHeld(s, u) && !slices.ContainsFunc(done, func(d Op) bool { return dropsUser(d, u) }) {
			left = append(left, u)
		}
	}
	return left
}

// dropsUser reports whether o drops u (or its table).
func dropsUser(o Op, u schema.ObjectUser) bool {
	on := func(r Ref) bool { return r.Schema == u.Schema && r.Name == u.Table }
	switch o := o.(type) {
	case DropTable:
		return u.Table != "" && on(RefOf(o.Table))
	case DropView:
		return u.Kind == schema.UseView && o.View.Schema == u.Schema && o.View.Name == u.Name
	case DropTrigger:
		return u.Kind == schema.UseTrigger && o.Trigger.Schema == u.Schema && o.Trigger.Name == u.Name
	case DropCheck:
		return u.Kind == schema.UseCheck && on(o.Table) && o.Check.Name == u.Name
	case DropIndex:
		return u.Kind == schema.UseIndex && on(o.Table) && o.Index.Name == u.Name
	case DropColumn:
		return (u.Kind == schema.UseDefault || u.Kind == schema.UseGenerated || u.Kind == schema.UseColumn) && on(o.Table) && o.Column.Name == u.Name
	case AlterColumn:
		if !on(o.Table) || o.From.Name != u.Name {
			return false
		}
		switch u.Kind {
		case schema.UseDefault:
			return o.From.Default != nil && (o.To.Default == nil || *o.To.Default != *o.From.Default)
		case schema.UseColumn:
			return o.From.Type != o.To.Type
		}
	}
	return false
}

func userHeld(s *schema.Schema, u schema.ObjectUser) bool {
	switch u.Kind {
	case schema.UseView:
		return s.View(u.Schema, u.Name) != nil
	case schema.UseTrigger:
		return s.Trigger(u.Schema, u.Name) != nil
	}
	t := s.Table(u.Schema, u.Table)
	switch {
	case !slices.Contains([]string{schema.UseDefault, schema.UseGenerated, schema.UseColumn, schema.UseCheck, schema.UseIndex}, u.Kind):
		return true
	case t == nil:
		return false // dropped with its table
	case u.Kind == schema.UseCheck:
		return slices.ContainsFunc(t.Checks, func(c *schema.Check) bool { return c.Name == u.Name })
	case u.Kind == schema.UseIndex:
		return slices.ContainsFunc(t.Indexes, func(ix *schema.Index) bool { return ix.Name == u.Name })
	}
	c := t.Column(u.Name)
	switch u.Kind {
	case schema.UseDefault:
		return c != nil && c.Default != nil
	case schema.UseGenerated:
		return c != nil && c.Generated != nil
	}
	return c != nil
}

// UsersError is the refusal to drop an object some of whose users are
// left (UsersLeft).
func UsersError(o *schema.SQLObject, left []schema.ObjectUser) error {
	names := make([]string, len(left))
	for i, u := range left {
		names[i] = u.Label()
	}
	why := "retort does not drop and create that around it"
	switch left[0].Kind {
	case schema.UseGenerated:
		why = "retort drops and adds a generated column around it only when the column stays generated, is not in the primary key and no object retort does not manage (extended statistics, column options) names it"
	case schema.UseColumn:
		why = "the column would have to change type first"
	}
	return fmt.Errorf("%s has to be dropped (and created again) but %s uses it: %s; write this change by hand, or in two revisions",
		o.Label(), strings.Join(names, ", "), why)
}
