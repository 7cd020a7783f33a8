package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// exclusionDef is "CONSTRAINT name EXCLUDE USING method (part WITH op, ...) ...".
func (r *renderer) exclusionDef(t op.Ref, x *schema.Exclusion) string {
	var b strings.Builder
	b.WriteString("CONSTRAINT " + quote(r.exclusionName(t, x)) + " EXCLUDE")
	if x.Method != "" {
		b.WriteString(" USING " + quote(x.Method))
	}
	b.WriteString(" (" + partsDef(x.Parts) + ")")
	b.WriteString(includeDef(x.Include))
	b.WriteString(paramsDef(x.Params))
	if x.Where != "" {
		b.WriteString(" WHERE (" + x.Where + ")")
	}
	b.WriteString(deferral(x.Deferrable, x.InitiallyDeferred))
	return b.String()
}

func (r *renderer) exclusionName(t op.Ref, x *schema.Exclusion) string {
	if x.Name != "" {
		return x.Name
	}
	return r.opts.Naming.Name(schema.KindExclusion, t.Name, exclusionColumns(x))
}

func exclusionColumns(x *schema.Exclusion) []string {
	cols := make([]string, len(x.Parts))
	for i, p := range x.Parts {
		cols[i] = p.Column
		if p.Column == "" {
			cols[i] = "expr"
		}
	}
	return cols
}

// identityOptions is an identity's " (START WITH ... )", "" for the
// defaults.
func identityOptions(c *schema.Column) string {
	if c.IdentityOpts == nil {
		return ""
	}
	return " (" + seqOptionsSQL(*c.IdentityOpts, "") + ")"
}

// seqOptionsSQL lists every sequence option, each after prefix ("SET "
// in ALTER COLUMN).
func seqOptionsSQL(o schema.SeqOptions, prefix string) string {
	cycle := "NO CYCLE"
	if o.Cycle {
		cycle = "CYCLE"
	}
	opts := []string{
		fmt.Sprintf("START WITH %d", o.Start), fmt.Sprintf("INCREMENT BY %d", o.Increment),
		fmt.Sprintf("MINVALUE %d", o.Min), fmt.Sprintf("MAXVALUE %d", o.Max), fmt.Sprintf("CACHE %d", o.Cache), cycle,
	}
	for i := range opts {
		opts[i] = prefix + opts[i]
	}
	return strings.Join(opts, " ")
}

// setComment renders op.SetComment.
func (r *renderer) setComment(o op.SetComment) {
	switch o.On {
	case op.CommentView:
		r.viewComment(o.Schema, o.Name, o.To)
	case op.CommentIndex:
		r.emit(fmt.Sprintf("COMMENT ON INDEX %s IS %s", qualified(o.Table.Schema, o.Name), commentText(o.To)))
	case op.CommentConstraint:
		r.emit(fmt.Sprintf("COMMENT ON CONSTRAINT %s ON %s IS %s", quote(o.Name), tableName(o.Table), commentText(o.To)))
	}
}

func (r *renderer) viewComment(sch, name, comment string) {
	v := r.state.View(sch, name)
	if v == nil {
		v = &schema.View{Schema: sch, Name: name}
	}
	r.emit(fmt.Sprintf("COMMENT ON %s %s IS %s", viewKind(v), qualified(sch, name), commentText(comment)))
}

// constraintComment comments a new constraint; nothing when it has no
// comment, or no name to say which.
func (r *renderer) constraintComment(t op.Ref, name, comment string) {
	if comment != "" && name != "" {
		r.emit(fmt.Sprintf("COMMENT ON CONSTRAINT %s ON %s IS %s", quote(name), tableName(t), commentText(comment)))
	}
}

func (r *renderer) indexComment(t op.Ref, name, comment string) {
	if comment != "" {
		r.emit(fmt.Sprintf("COMMENT ON INDEX %s IS %s", qualified(t.Schema, name), commentText(comment)))
	}
}

// tableObjectComments comments the keys, checks and indexes of new table t.
func (r *renderer) tableObjectComments(ref op.Ref, t *schema.Table) {
	if pk := t.PrimaryKey; pk != nil && len(pk.Columns) > 0 {
		r.constraintComment(ref, r.name("pk", t.Name, pk.Name, nil), pk.Comment)
	}
	for _, u := range t.Uniques {
		r.constraintComment(ref, r.name("uq", t.Name, u.Name, u.Columns), u.Comment)
	}
	for _, ck := range t.Checks {
		r.constraintComment(ref, ck.Name, ck.Comment)
	}
	for _, fk := range t.ForeignKeys {
		r.constraintComment(ref, r.name("fk", t.Name, fk.Name, fk.Columns), fk.Comment)
	}
	for _, x := range t.Exclusions {
		r.constraintComment(ref, r.exclusionName(ref, x), x.Comment)
	}
}
