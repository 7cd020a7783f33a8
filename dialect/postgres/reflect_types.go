package postgres

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// objDomain builds a domain. Columns use it, so it changes in place
// (ALTER DOMAIN) unless its base type or collation changes.
func objDomain(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 6); err != nil {
		return nil, err
	}
	base, coll, notNull, def, checks, comment := f[0], f[1], f[2] == "true", f[3], f[4], f[5]
	head := "AS " + base
	if coll != "" {
		head += " COLLATE " + coll
	}
	spec := head
	if def != "" {
		spec += " DEFAULT " + def
	}
	if notNull {
		spec += " NOT NULL"
	}
	for _, c := range domainChecks(checks) {
		spec += " CONSTRAINT " + c[0] + " " + c[1]
	}
	o.Definition = spec
	if comment != "" {
		o.Definition += " COMMENT " + literal(comment)
	}
	o.Create = append([]string{"CREATE DOMAIN " + objName(o) + " " + spec}, objComment("DOMAIN", objName(o), comment)...)
	o.Drop = []string{"DROP DOMAIN " + objName(o)}
	o.InPlace = true
	o.Attrs = map[string]string{"type": head, "default": def, "not_null": f[2], "checks": checks, "comment": comment}
	o.Fixed = head // a new base type needs a drop and a create (alterDomain)
	return nil, nil
}

// domainChecks splits the reflected CHECK list into (quoted name,
// definition) pairs.
func domainChecks(s string) [][2]string {
	var out [][2]string
	for _, l := range strings.Split(s, "\n") {
		if name, def, ok := strings.Cut(l, "\t"); ok {
			out = append(out, [2]string{name, def})
		}
	}
	return out
}

// objComposite builds a composite type; attributes change in place with
// ALTER TYPE when the order of the result matches.
func objComposite(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 2); err != nil {
		return nil, err
	}
	var cols []string
	for _, a := range compositeAttrs(f[0]) {
		cols = append(cols, a.def())
	}
	spec := "AS (" + strings.Join(cols, ", ") + ")"
	o.Definition = spec
	if f[1] != "" {
		o.Definition += " COMMENT " + literal(f[1])
	}
	o.Create = append([]string{"CREATE TYPE " + objName(o) + " " + spec}, objComment("TYPE", objName(o), f[1])...)
	o.Drop = []string{"DROP TYPE " + objName(o)}
	o.InPlace = true
	o.Attrs = map[string]string{"attributes": f[0], "comment": f[1]}
	return nil, nil
}

// compositeAttr is an attribute of a composite type; name is quoted.
type compositeAttr struct{ name, typ, collation string }

func (a compositeAttr) typeDef() string {
	if a.collation != "" {
		return a.typ + " COLLATE " + a.collation
	}
	return a.typ
}

func (a compositeAttr) def() string { return a.name + " " + a.typeDef() }

func compositeAttrs(s string) []compositeAttr {
	var out []compositeAttr
	for _, l := range strings.Split(s, "\n") {
		p := strings.Split(l, "\t")
		if len(p) == 3 {
			out = append(out, compositeAttr{p[0], p[1], p[2]})
		}
	}
	return out
}
