package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// objectStatements renders an SQL-object operation: an in-place change
// of the kinds that have one, else the objects' own statements.
func objectStatements(o op.Op) []string {
	if a, ok := o.(op.AlterObject); ok && a.From.InPlace && a.To.InPlace {
		if alter := objAlters[a.To.Kind]; alter != nil {
			if stmts, ok := alter(a); ok {
				return stmts
			}
		}
	}
	stmts, _ := op.ObjectStatements(o)
	return stmts
}

// objAlters render in-place changes by kind; false means the change
// needs a drop and a create.
var objAlters = map[string]func(op.AlterObject) ([]string, bool){
	"extension":      alterExtension,
	"sequence":       alterSequence,
	"function":       alterFunction,
	"procedure":      alterFunction,
	"domain":         alterDomain,
	"composite type": alterComposite,
	"partition":      alterPartition,
}

// alterComment comments target when the comment changed.
func alterComment(a op.AlterObject, what, target string) []string {
	if a.From.Attrs["comment"] == a.To.Attrs["comment"] {
		return nil
	}
	return []string{fmt.Sprintf("COMMENT ON %s %s IS %s", what, target, commentText(a.To.Attrs["comment"]))}
}

func alterExtension(a op.AlterObject) ([]string, bool) {
	return []string{fmt.Sprintf("ALTER EXTENSION %s UPDATE TO %s", quote(a.To.Name), literal(a.To.Attrs["version"]))}, true
}

// alterSequence changes options with ALTER SEQUENCE, which keeps the
// current value (START WITH only sets what RESTART goes back to).
func alterSequence(a op.AlterObject) ([]string, bool) {
	var out []string
	if a.From.Attrs["options"] != a.To.Attrs["options"] {
		out = append(out, "ALTER SEQUENCE "+objName(a.To)+" "+a.To.Attrs["options"])
	}
	return append(out, alterComment(a, "SEQUENCE", objName(a.To))...), true
}

// alterFunction replaces the body when the arguments and result stay.
func alterFunction(a op.AlterObject) ([]string, bool) {
	if a.From.Attrs["signature"] != a.To.Attrs["signature"] {
		return nil, false
	}
	var out []string
	if a.From.Attrs["body"] != a.To.Attrs["body"] {
		out = append(out, a.To.Create...)
		if a.To.Attrs["comment"] == "" {
			out = append(out, alterComment(a, strings.ToUpper(a.To.Kind), a.To.Attrs["target"])...)
		}
		return out, true
	}
	return alterComment(a, strings.ToUpper(a.To.Kind), a.To.Attrs["target"]), true
}

// alterDomain changes default, NOT NULL and checks with ALTER DOMAIN;
// a new check goes in NOT VALID and is validated, so a failure names
// the check. A new base type needs a drop and a create.
func alterDomain(a op.AlterObject) ([]string, bool) {
	from, to := a.From.Attrs, a.To.Attrs
	if from["type"] != to["type"] {
		return nil, false
	}
	name := objName(a.To)
	var out []string
	alter := func(clause string) { out = append(out, "ALTER DOMAIN "+name+" "+clause) }
	if from["default"] != to["default"] {
		if to["default"] == "" {
			alter("DROP DEFAULT")
		} else {
			alter("SET DEFAULT " + to["default"])
		}
	}
	if from["not_null"] != to["not_null"] {
		if to["not_null"] == "true" {
			alter("SET NOT NULL")
		} else {
			alter("DROP NOT NULL")
		}
	}
	old, want := domainChecks(from["checks"]), domainChecks(to["checks"])
	for _, c := range old {
		if !slices.Contains(want, c) {
			alter("DROP CONSTRAINT " + c[0])
		}
	}
	for _, c := range want {
		if !slices.Contains(old, c) {
			alter("ADD CONSTRAINT " + c[0] + " " + c[1] + " NOT VALID")
			alter("VALIDATE CONSTRAINT " + c[0])
		}
	}
	return append(out, alterComment(a, "DOMAIN", name)...), true
}

// alterComposite drops, adds and retypes attributes with one ALTER TYPE
// when the attributes then come in the wanted order (added ones go
// last), else drops and creates the type.
func alterComposite(a op.AlterObject) ([]string, bool) {
	old, want := compositeAttrs(a.From.Attrs["attributes"]), compositeAttrs(a.To.Attrs["attributes"])
	find := func(as []compositeAttr, name string) *compositeAttr {
		for i := range as {
			if as[i].name == name {
				return &as[i]
			}
		}
		return nil
	}
	var clauses, order []string
	for _, o := range old {
		w := find(want, o.name)
		if w == nil {
			clauses = append(clauses, "DROP ATTRIBUTE "+o.name)
			continue
		}
		order = append(order, o.name)
		if w.typeDef() != o.typeDef() {
			clauses = append(clauses, "ALTER ATTRIBUTE "+o.name+" TYPE "+w.typeDef())
		}
	}
	for _, w := range want {
		if find(old, w.name) == nil {
			clauses = append(clauses, "ADD ATTRIBUTE "+w.def())
			order = append(order, w.name)
		}
	}
	for i, w := range want {
		if order[i] != w.name {
			return nil, false
		}
	}
	var out []string
	if len(clauses) > 0 {
		out = append(out, "ALTER TYPE "+objName(a.To)+" "+strings.Join(clauses, ", "))
	}
	return append(out, alterComment(a, "TYPE", objName(a.To))...), true
}

// alterPartition moves a partition to a new bound with DETACH and ATTACH,
// which keeps its rows (ATTACH checks them against the bound).
func alterPartition(a op.AlterObject) ([]string, bool) {
	if a.From.Attrs["key"] != a.To.Attrs["key"] {
		return nil, false
	}
	parent := a.To.Attrs["parent"]
	return []string{
		"ALTER TABLE " + parent + " DETACH PARTITION " + objName(a.To),
		"ALTER TABLE " + parent + " ATTACH PARTITION " + objName(a.To) + " " + a.To.Attrs["bound"],
	}, true
}

// objectUsersLeft refuses to drop an object (alone, or to create it
// again) while something PostgreSQL records as using it is left: the
// statement would fail, and CASCADE would drop the user unseen.
func (r *renderer) objectUsersLeft(o op.Op) error {
	var dropped *schema.SQLObject
	switch o := o.(type) {
	case op.DropObject:
		dropped = o.Object
	case op.AlterObject:
		if a := o; !(a.From.InPlace && a.To.InPlace && a.From.Fixed == a.To.Fixed) {
			dropped = a.From
		}
	}
	if dropped == nil {
		return nil
	}
	if left := op.UsersLeft(r.state, dropped, r.done); len(left) > 0 {
		return op.UsersError(dropped, left)
	}
	return nil
}
