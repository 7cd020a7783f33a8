package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

func (r *renderer) createTable(t *schema.Table) error {
	ref := op.RefOf(t)
	var defs []string
	for _, c := range t.Columns {
		defs = append(defs, columnDef(c))
	}
	if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) > 0 {
		defs = append(defs, pkDef(t.PrimaryKey, r.name("pk", t.Name, t.PrimaryKey.Name, nil)))
	}
	for _, u := range t.Uniques {
		defs = append(defs, uniqueDef(u, r.name("uq", t.Name, u.Name, u.Columns)))
	}
	for _, ck := range t.Checks {
		defs = append(defs, checkDef(ck))
	}
	for _, x := range t.Exclusions {
		defs = append(defs, r.exclusionDef(ref, x))
	}
	var notValid []string
	for _, fk := range t.ForeignKeys {
		d, err := fkDef(fk, r.name("fk", t.Name, fk.Name, fk.Columns))
		if err != nil {
			return err
		}
		if fk.NotValid {
			// CREATE TABLE validates every key (the table is empty), so a
			// key the model keeps NOT VALID is added afterwards.
			notValid = append(notValid, "ADD "+d+" NOT VALID")
			continue
		}
		defs = append(defs, d)
	}
	tail := ""
	if pb := t.Options[optPartitionBy]; pb != "" {
		tail = " PARTITION BY " + pb
	}
	unlogged := ""
	if t.Options[optUnlogged] == "true" {
		unlogged = "UNLOGGED "
	}
	r.emit(fmt.Sprintf("CREATE %sTABLE %s (\n  %s\n)%s", unlogged, tableName(ref), strings.Join(defs, ",\n  "), tail))
	r.created[ref] = true
	for _, c := range notValid {
		r.alter(ref, c)
	}
	for _, ix := range t.Indexes {
		r.addIndex(ref, ix, false)
	}
	if t.Comment != "" {
		r.emit(fmt.Sprintf("COMMENT ON TABLE %s IS %s", tableName(ref), literal(t.Comment)))
	}
	for _, c := range t.Columns {
		r.columnComment(ref, c, "")
	}
	r.tableObjectComments(ref, t)
	return nil
}

// columnComment sets a column's comment when it differs from was.
func (r *renderer) columnComment(t op.Ref, c *schema.Column, was string) {
	if c.Comment != was {
		r.emit(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", tableName(t), quote(c.Name), commentText(c.Comment)))
	}
}

// serialTypes maps an auto-increment column's integer type to the serial
// pseudo-type that creates and owns its sequence.
var serialTypes = map[string]string{"integer": "serial", "bigint": "bigserial", "smallint": "smallserial"}

func columnDef(c *schema.Column) string {
	typ := c.Type
	if c.AutoIncrement && c.Identity == "" {
		if s, ok := serialTypes[strings.ToLower(typ)]; ok {
			typ = s
		}
	}
	s := quote(c.Name) + " " + typ
	if c.Collation != "" {
		s += " COLLATE " + quote(c.Collation)
	}
	switch {
	case c.Generated != nil:
		s += " GENERATED ALWAYS AS (" + c.Generated.Expr + ") STORED"
	case c.Identity != "":
		s += " GENERATED " + strings.ToUpper(string(c.Identity)) + " AS IDENTITY" + identityOptions(c)
	}
	if !c.Nullable {
		s += " NOT NULL"
	}
	if c.Default != nil && !c.AutoIncrement && c.Generated == nil && c.Identity == "" {
		s += " DEFAULT " + *c.Default
	}
	return s
}

func pkDef(pk *schema.PrimaryKey, name string) string {
	return fmt.Sprintf("CONSTRAINT %s PRIMARY KEY (%s)%s%s", quote(name), quoteList(pk.Columns), includeDef(pk.Include), paramsDef(pk.Params))
}

func uniqueDef(u *schema.Unique, name string) string {
	nnd := ""
	if u.NullsNotDistinct {
		nnd = " NULLS NOT DISTINCT"
	}
	return fmt.Sprintf("CONSTRAINT %s UNIQUE%s (%s)%s%s%s", quote(name), nnd, quoteList(u.Columns),
		includeDef(u.Include), paramsDef(u.Params), deferral(u.Deferrable, u.InitiallyDeferred))
}

// checkDef leaves an unnamed check unnamed: PostgreSQL names it the way
// it names the checks of the desired schema.
func checkDef(ck *schema.Check) string {
	s := "CHECK (" + ck.Expr + ")"
	if ck.NoInherit {
		s += " NO INHERIT"
	}
	if ck.Name == "" {
		return s
	}
	return "CONSTRAINT " + quote(ck.Name) + " " + s
}

func deferral(deferrable, deferred bool) string {
	switch {
	case deferred:
		return " DEFERRABLE INITIALLY DEFERRED"
	case deferrable:
		return " DEFERRABLE"
	}
	return ""
}

// fkDef is "CONSTRAINT name FOREIGN KEY ...", defaults left out.
func fkDef(fk *schema.ForeignKey, name string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)", quote(name), quoteList(fk.Columns), qualified(fk.RefSchema, fk.RefTable), quoteList(fk.RefColumns))
	switch m := schema.MatchType(fk.Match); m {
	case schema.MatchSimple:
	case schema.MatchFull:
		b.WriteString(" MATCH FULL")
	default:
		return "", fmt.Errorf("foreign key %s: PostgreSQL does not implement MATCH %s", name, m)
	}
	for _, a := range []struct {
		on     string
		action schema.FKAction
	}{{"DELETE", fk.OnDelete}, {"UPDATE", fk.OnUpdate}} {
		if act := schema.Action(a.action); act != schema.NoAction {
			fmt.Fprintf(&b, " ON %s %s", a.on, act)
		}
		if a.on == "DELETE" && len(fk.DeleteSetColumns) > 0 {
			fmt.Fprintf(&b, " (%s)", quoteList(fk.DeleteSetColumns))
		}
	}
	b.WriteString(deferral(fk.Deferrable, fk.InitiallyDeferred))
	return b.String(), nil
}

// addIndex creates an index (online: without blocking writes, see
// onlineIndex) and sets its comment.
func (r *renderer) addIndex(t op.Ref, ix *schema.Index, online bool) {
	r.emit(r.createIndex(t, ix, online))
	name := ix.Name
	if name == "" {
		name = r.opts.Naming.IndexName(t.Name, ix)
	}
	r.indexComment(t, name, ix.Comment)
}

func (r *renderer) createIndex(t op.Ref, ix *schema.Index, online bool) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	name := ix.Name
	if name == "" {
		name = r.opts.Naming.IndexName(t.Name, ix)
	}
	fmt.Fprintf(&b, "INDEX %s%s ON %s", r.concurrently(t, online), quote(name), tableName(t))
	if ix.Method != "" && !strings.EqualFold(ix.Method, "btree") {
		b.WriteString(" USING " + quote(ix.Method))
	}
	b.WriteString(" (" + partsDef(ix.Parts) + ")")
	b.WriteString(includeDef(ix.Include))
	if ix.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	b.WriteString(paramsDef(ix.Params))
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}

// partsDef writes index or exclusion key parts.
func partsDef(ps []schema.IndexPart) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		s := quote(p.Column)
		if p.Column == "" {
			s = "(" + p.Expr + ")"
		}
		if p.Collation != "" {
			s += " COLLATE " + quote(p.Collation)
		}
		if p.OpClass != "" {
			s += " " + quote(p.OpClass)
		}
		if p.Desc {
			s += " DESC"
		}
		if p.Nulls != "" {
			s += " NULLS " + p.Nulls
		}
		if p.Operator != "" {
			s += " WITH " + p.Operator
		}
		parts[i] = s
	}
	return strings.Join(parts, ", ")
}

func includeDef(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return " INCLUDE (" + quoteList(cols) + ")"
}

func paramsDef(params string) string {
	if params == "" {
		return ""
	}
	return " WITH (" + params + ")"
}

func (r *renderer) alterPrimaryKey(o op.AlterPrimaryKey) error {
	if o.From != nil && len(o.From.Columns) > 0 {
		name := o.From.Name
		if t := r.state.Table(o.Table.Schema, o.Table.Name); name == "" && t != nil && t.PrimaryKey != nil {
			name = t.PrimaryKey.Name
		}
		if name == "" {
			return fmt.Errorf("refusing to drop the unnamed primary key of %s", o.Table)
		}
		r.alter(o.Table, "DROP CONSTRAINT "+quote(name))
	}
	if o.To != nil && len(o.To.Columns) > 0 {
		name := r.name("pk", o.Table.Name, o.To.Name, nil)
		r.alter(o.Table, "ADD "+pkDef(o.To, name))
		r.constraintComment(o.Table, name, o.To.Comment)
	}
	return nil
}
