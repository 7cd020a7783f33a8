package gocode

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// op writes one operation: a builder call when one expresses it exactly,
// else o.Add with the operation's literal.
func (w *writer) op(b *strings.Builder, o op.Op) error {
	switch o := o.(type) {
	case op.CreateTable:
		if elems, ok := w.tableElems(o.Table); ok {
			fmt.Fprintf(b, "o.CreateTable(%s,\n%s)\n", q(o.Table.QualifiedName()), strings.Join(elems, ",\n")+",")
			return nil
		}
	case op.DropTable:
		call(b, "DropTable", q(o.Table.QualifiedName()))
		return nil
	case op.RenameTable:
		call(b, "RenameTable", q(op.Ref{Schema: o.Schema, Name: o.Old}.String()), q(o.New))
		return nil
	case op.AddColumn:
		if c, ok := w.column(o.Column); ok {
			call(b, "AddColumn", q(o.Table.String()), c)
			return nil
		}
	case op.DropColumn:
		call(b, "DropColumn", q(o.Table.String()), q(o.Column.Name))
		return nil
	case op.RenameColumn:
		call(b, "RenameColumn", q(o.Table.String()), q(o.Old), q(o.New))
		return nil
	case op.AlterColumn:
		if changes, ok := columnChanges(o.From, o.To); ok {
			call(b, "AlterColumn", append([]string{q(o.Table.String()), q(o.To.Name)}, changes...)...)
			return nil
		}
	case op.AddForeignKey:
		if o.FK.Name != "" && o.FK.RefSchema == "" && !o.FK.NotValid && o.FK.Comment == "" {
			call(b, "CreateForeignKey", q(o.FK.Name), q(o.Table.String()), q(o.FK.RefTable),
				stringsLit(o.FK.Columns), stringsLit(o.FK.RefColumns), fkOptions(o.FK))
			return nil
		}
	case op.DropForeignKey:
		if o.FK.Name != "" {
			call(b, "DropConstraint", q(o.Table.String()), q(o.FK.Name))
		} else {
			call(b, "DropForeignKeyOn", q(o.Table.String()), stringsLit(o.FK.Columns), q(o.FK.RefTable))
		}
		return nil
	case op.AddUnique:
		if o.Unique.Name != "" && plainUnique(o.Unique) {
			call(b, "CreateUnique", append([]string{q(o.Unique.Name), q(o.Table.String())}, qs(o.Unique.Columns)...)...)
			return nil
		}
	case op.DropUnique:
		if o.Unique.Name != "" {
			call(b, "DropConstraint", q(o.Table.String()), q(o.Unique.Name))
			return nil
		}
	case op.AddCheck:
		if o.Check.Name != "" && plainCheck(o.Check) {
			call(b, "CreateCheck", q(o.Check.Name), q(o.Table.String()), q(o.Check.Expr))
			return nil
		}
	case op.DropCheck:
		if o.Check.Name != "" {
			call(b, "DropConstraint", q(o.Table.String()), q(o.Check.Name))
			return nil
		}
	case op.CreateIndex:
		if cols, ok := simpleIndex(o.Index); ok {
			m := "CreateIndex"
			if o.Index.Unique {
				m = "CreateUniqueIndex"
			}
			call(b, online(o.Online)+m, append([]string{q(o.Index.Name), q(o.Table.String())}, qs(cols)...)...)
			return nil
		}
	case op.DropIndex:
		call(b, online(o.Online)+"DropIndex", q(o.Table.String()), q(o.Index.Name))
		return nil
	case op.DropExclusion:
		if o.Exclusion.Name != "" {
			call(b, "DropConstraint", q(o.Table.String()), q(o.Exclusion.Name))
			return nil
		}
	case op.SetComment:
		// The builder takes From from the model, as the diff did.
		switch o.On {
		case op.CommentView:
			call(b, "SetViewComment", q(op.Ref{Schema: o.Schema, Name: o.Name}.String()), q(o.To))
		case op.CommentIndex:
			call(b, "SetIndexComment", q(o.Table.String()), q(o.Name), q(o.To))
		default:
			call(b, "SetConstraintComment", q(o.Table.String()), q(o.Name), q(o.To))
		}
		return nil
	case op.Execute:
		if strings.TrimSpace(o.Up) != "" {
			call(b, "Execute", q(o.Up))
		}
		return nil
	case nil:
		return fmt.Errorf("nil operation")
	}
	w.add(b, o)
	return nil
}

// online is the prefix of an index call that keeps autogenerate's
// decision to build without blocking writes: the revision renders it
// when it runs, not from --big-table.
func online(on bool) string {
	if on {
		return "Online()."
	}
	return ""
}

// tableElems spells a table as CreateTable elements, or reports that the
// builder cannot express it exactly.
func (w *writer) tableElems(t *schema.Table) ([]string, bool) {
	if t.Comment != "" || len(t.Options) > 0 || len(t.Exclusions) > 0 {
		return nil, false
	}
	var out []string
	for _, c := range t.Columns {
		s, ok := w.column(c)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	if pk := t.PrimaryKey; pk != nil {
		if pk.Name != "" && pk.Name != t.Name+"_pkey" && pk.Name != "PRIMARY" || pk.Comment != "" || len(pk.Desc) > 0 ||
			len(pk.Include) > 0 || pk.Params != "" || pk.OnConflict != "" || pk.Method != "" {
			return nil, false // the builder cannot name a primary key, sort it DESC or give its index options, conflict clause or method
		}
		out = append(out, "op.PrimaryKey("+strings.Join(qs(pk.Columns), ", ")+")")
	}
	for _, u := range t.Uniques {
		if u.Name == "" || !plainUnique(u) {
			return nil, false
		}
		out = append(out, "op.Unique("+strings.Join(append([]string{q(u.Name)}, qs(u.Columns)...), ", ")+")")
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" || fk.RefSchema != "" || fk.NotValid || fk.Comment != "" {
			return nil, false
		}
		out = append(out, fmt.Sprintf("op.ForeignKey(%s, %s, %s, %s, %s)", q(fk.Name), stringsLit(fk.Columns),
			q(fk.RefTable), stringsLit(fk.RefColumns), fkOptions(fk)))
	}
	for _, c := range t.Checks {
		if c.Name == "" || !plainCheck(c) {
			return nil, false
		}
		out = append(out, fmt.Sprintf("op.Check(%s, %s)", q(c.Name), q(c.Expr)))
	}
	for _, ix := range t.Indexes {
		cols, ok := simpleIndex(ix)
		if !ok {
			return nil, false
		}
		fn := "op.Index"
		if ix.Unique {
			fn = "op.UniqueIndex"
		}
		out = append(out, fn+"("+strings.Join(append([]string{q(ix.Name)}, qs(cols)...), ", ")+")")
	}
	return out, true
}

// column spells a column as op.Column(...) with a raw type (the
// dialect's spelling, from the diff), or reports it cannot.
func (w *writer) column(c *schema.Column) (string, bool) {
	if c.Identity != "" || c.Generated != nil || c.Collation != "" || c.Comment != "" || len(c.Attrs) > 0 || c.NotNullConflict != "" {
		return "", false
	}
	s := fmt.Sprintf("op.Column(%s, op.Raw(%s))", q(c.Name), q(c.Type))
	if !c.Nullable {
		s += ".NotNull()"
	}
	if c.Default != nil {
		s += ".Default(" + q(*c.Default) + ")"
	}
	if c.AutoIncrement {
		s += ".AutoIncrement()"
	}
	return s, true
}

// columnChanges spells an AlterColumn as op.Set* changes when only type,
// nullability and default differ.
func columnChanges(from, to *schema.Column) ([]string, bool) {
	a, b := *from, *to
	a.Type, a.Nullable, a.Default = "", false, nil
	b.Type, b.Nullable, b.Default = "", false, nil
	if !reflect.DeepEqual(a, b) {
		return nil, false
	}
	var out []string
	if from.Type != to.Type {
		out = append(out, "op.SetType(op.Raw("+q(to.Type)+"))")
	}
	if from.Nullable != to.Nullable {
		out = append(out, fmt.Sprintf("op.SetNullable(%t)", to.Nullable))
	}
	switch {
	case to.Default == nil && from.Default != nil:
		out = append(out, "op.DropDefault()")
	case to.Default != nil && (from.Default == nil || *from.Default != *to.Default):
		out = append(out, "op.SetDefault("+q(*to.Default)+")")
	}
	return out, len(out) > 0
}

// simpleIndex returns the columns of an index that has nothing but plain
// ascending columns.
func simpleIndex(ix *schema.Index) ([]string, bool) {
	if ix.Name == "" || ix.Where != "" || ix.Method != "" || ix.Invisible || len(ix.Include) > 0 || ix.Params != "" ||
		ix.NullsNotDistinct || ix.Comment != "" {
		return nil, false
	}
	var cols []string
	for _, p := range ix.Parts {
		if p.Column == "" || p.Expr != "" || p.Desc || p.Collation != "" || p.OpClass != "" || p.Prefix != 0 || p.Nulls != "" {
			return nil, false
		}
		cols = append(cols, p.Column)
	}
	return cols, len(cols) > 0
}

// plainUnique and plainCheck report constraints the builder's calls
// express exactly.
func plainUnique(u *schema.Unique) bool {
	return !u.Deferrable && !u.NullsNotDistinct && u.Comment == "" && len(u.Include) == 0 && u.Params == "" && u.OnConflict == ""
}

// plainCheck: a check the builder's CreateCheck can write (a column
// check is written as an op literal, keeping its column).
func plainCheck(c *schema.Check) bool { return !c.NoInherit && c.Comment == "" && c.Column == "" }

func fkOptions(fk *schema.ForeignKey) string {
	var f []string
	if a := schema.Action(fk.OnDelete); a != schema.NoAction {
		f = append(f, "OnDelete: "+q(string(a)))
	}
	if len(fk.DeleteSetColumns) > 0 {
		f = append(f, "DeleteSetColumns: "+stringsLit(fk.DeleteSetColumns))
	}
	if a := schema.Action(fk.OnUpdate); a != schema.NoAction {
		f = append(f, "OnUpdate: "+q(string(a)))
	}
	if fk.Deferrable {
		f = append(f, "Deferrable: true")
	}
	if fk.InitiallyDeferred {
		f = append(f, "InitiallyDeferred: true")
	}
	if m := schema.MatchType(fk.Match); m != schema.MatchSimple {
		f = append(f, "Match: "+q(string(m)))
	}
	return "op.FKOptions{" + strings.Join(f, ", ") + "}"
}
