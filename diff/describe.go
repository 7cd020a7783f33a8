package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Describe summarizes operations one line each for `retort check`: "+"
// adds, "-" removes, "~" changes. A foreign key dropped and added again
// with the same target is one "~" line listing what changes.
func Describe(ops []op.Op) string {
	var b strings.Builder
	paired := map[int]bool{} // AddForeignKey folded into an earlier drop
	for i, o := range ops {
		if paired[i] {
			continue
		}
		switch o := o.(type) {
		case op.DropForeignKey:
			if j := findReAdd(ops, i, paired); j >= 0 {
				paired[j] = true
				to := ops[j].(op.AddForeignKey).FK
				fmt.Fprintf(&b, "~ %s: foreign key %s: %s\n", o.Table, fkTarget(to, o.Table), fkChanges(o.FK, to))
				continue
			}
			fmt.Fprintf(&b, "- %s: foreign key %s\n", o.Table, fkTarget(o.FK, o.Table))
		case op.AddForeignKey:
			fmt.Fprintf(&b, "+ %s: foreign key %s%s\n", o.Table, fkTarget(o.FK, o.Table), fkOptions(o.FK))
		case op.AddColumn:
			fmt.Fprintf(&b, "+ %s %s\n", o, columnDef(o.Column))
		case op.AlterColumn:
			fmt.Fprintf(&b, "~ %s: %s\n", o, columnChanges(o.From, o.To))
		case op.AlterPrimaryKey:
			fmt.Fprintf(&b, "~ %s: %s => %s\n", o, pkCols(o.From), pkCols(o.To))
		case op.AddUnique:
			fmt.Fprintf(&b, "%s %s%s\n", sign(o), o, onConflict(o.Unique.OnConflict))
		case op.DropUnique:
			fmt.Fprintf(&b, "%s %s%s\n", sign(o), o, onConflict(o.Unique.OnConflict))
		case op.SetTableComment:
			fmt.Fprintf(&b, "~ %s: %q => %q\n", o, o.From, o.To)
		case op.SetTableOptions:
			fmt.Fprintf(&b, "~ %s: %s\n", o, o.Describe())
		case op.SetViewOptions:
			fmt.Fprintf(&b, "~ %s: (%s) => (%s)\n", o, o.From, o.To)
		case op.SetComment:
			fmt.Fprintf(&b, "~ %s: %q => %q\n", o, o.From, o.To)
		case op.AlterEnum:
			fmt.Fprintf(&b, "~ %s: (%s) => (%s)%s\n", o, strings.Join(o.From, ", "), strings.Join(o.To, ", "), enumRemovals(o))
		default:
			fmt.Fprintf(&b, "%s %s%s\n", sign(o), o, Note(o))
		}
	}
	return b.String()
}

// findReAdd finds the AddForeignKey after ops[i] that re-adds the key
// ops[i] drops (same table, same target).
func findReAdd(ops []op.Op, i int, paired map[int]bool) int {
	drop := ops[i].(op.DropForeignKey)
	for j := i + 1; j < len(ops); j++ {
		if add, ok := ops[j].(op.AddForeignKey); ok && !paired[j] &&
			add.Table == drop.Table && add.FK.SameTarget(drop.FK) {
			return j
		}
	}
	return -1
}

// Note is what Describe adds to o's String to say why o is there, for
// other reports of the same operation (autogenerate's detected lines);
// "" when o's String says it all.
func Note(o op.Op) string {
	if d, ok := o.(op.DropIndex); ok && d.Index != nil && d.Index.Invalid {
		return " (INVALID: a failed or unfinished build; unused and unenforced)"
	}
	return ""
}

func sign(o op.Op) string {
	switch o.(type) {
	case op.CreateTable, op.AddColumn, op.AddForeignKey, op.AddUnique, op.AddCheck, op.AddExclusion,
		op.CreateIndex, op.CreateView, op.CreateTrigger, op.CreateEnum, op.CreateObject:
		return "+"
	case op.DropTable, op.DropColumn, op.DropForeignKey, op.DropUnique, op.DropCheck, op.DropExclusion,
		op.DropIndex, op.DropView, op.DropTrigger, op.DropEnum, op.DropObject:
		return "-"
	}
	return "~"
}

func fkLabel(fk *schema.ForeignKey) string {
	if fk.Name == "" {
		return "(unnamed)"
	}
	return fk.Name
}

// fkTarget is "name (cols) -> table(cols)", the referenced table
// qualified only when its schema differs from the owner's.
func fkTarget(fk *schema.ForeignKey, owner op.Ref) string {
	ref := fk.RefTable
	if fk.RefSchema != "" && fk.RefSchema != owner.Schema {
		ref = fk.RefSchema + "." + ref
	}
	s := fmt.Sprintf("(%s) -> %s(%s)", strings.Join(fk.Columns, ", "), ref, strings.Join(fk.RefColumns, ", "))
	if fk.Name != "" {
		s = fk.Name + " " + s
	}
	return s
}

// fkOptions lists the options that differ from the defaults.
func fkOptions(fk *schema.ForeignKey) string {
	var parts []string
	if a := schema.Action(fk.OnDelete); a != schema.NoAction {
		parts = append(parts, "ON DELETE "+string(a)+setColumns(fk))
	}
	if a := schema.Action(fk.OnUpdate); a != schema.NoAction {
		parts = append(parts, "ON UPDATE "+string(a))
	}
	if m := schema.MatchType(fk.Match); m != schema.MatchSimple {
		parts = append(parts, "MATCH "+string(m))
	}
	if fk.Deferrable {
		parts = append(parts, "DEFERRABLE")
	}
	if fk.InitiallyDeferred {
		parts = append(parts, "INITIALLY DEFERRED")
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

// fkChanges lists what differs between two keys with the same target.
func fkChanges(a, b *schema.ForeignKey) string {
	var parts []string
	if a.Name != b.Name {
		parts = append(parts, fmt.Sprintf("name %s => %s", fkLabel(a), fkLabel(b)))
	}
	if x, y := schema.Action(a.OnDelete), schema.Action(b.OnDelete); x != y || !schema.SameColumns(a.DeleteSetColumns, b.DeleteSetColumns) {
		parts = append(parts, fmt.Sprintf("ON DELETE %s%s => %s%s", x, setColumns(a), y, setColumns(b)))
	}
	if x, y := schema.Action(a.OnUpdate), schema.Action(b.OnUpdate); x != y {
		parts = append(parts, fmt.Sprintf("ON UPDATE %s => %s", x, y))
	}
	if x, y := schema.MatchType(a.Match), schema.MatchType(b.Match); x != y {
		parts = append(parts, fmt.Sprintf("MATCH %s => %s", x, y))
	}
	if a.Deferrable != b.Deferrable {
		parts = append(parts, fmt.Sprintf("%s => %s", deferrable(a.Deferrable), deferrable(b.Deferrable)))
	}
	if a.InitiallyDeferred != b.InitiallyDeferred {
		parts = append(parts, fmt.Sprintf("%s => %s", initially(a.InitiallyDeferred), initially(b.InitiallyDeferred)))
	}
	if len(parts) == 0 {
		return "recreated (a column or key it relies on changes)"
	}
	return strings.Join(parts, ", ")
}

func deferrable(d bool) string {
	if d {
		return "DEFERRABLE"
	}
	return "NOT DEFERRABLE"
}

func initially(d bool) string {
	if d {
		return "INITIALLY DEFERRED"
	}
	return "INITIALLY IMMEDIATE"
}

func columnDef(c *schema.Column) string {
	s := c.Type
	if !c.Nullable {
		s += " NOT NULL"
	}
	if c.Default != nil {
		s += " DEFAULT " + *c.Default
	}
	return s
}

// columnChanges lists what differs between two versions of a column.
func columnChanges(a, b *schema.Column) string {
	var parts []string
	add := func(what, x, y string) {
		if x != y {
			parts = append(parts, fmt.Sprintf("%s %s => %s", what, x, y))
		}
	}
	if !strings.EqualFold(a.Type, b.Type) {
		add("type", a.Type, b.Type)
	}
	add("nullable", fmt.Sprint(a.Nullable), fmt.Sprint(b.Nullable))
	add("default", defaultText(a.Default), defaultText(b.Default))
	add("auto increment", fmt.Sprint(a.AutoIncrement), fmt.Sprint(b.AutoIncrement))
	if !strings.EqualFold(string(a.Identity), string(b.Identity)) {
		add("identity", orNone(string(a.Identity)), orNone(string(b.Identity)))
	}
	add("generated", generatedText(a.Generated), generatedText(b.Generated))
	add("identity options", seqText(a.IdentityOpts), seqText(b.IdentityOpts))
	add("collation", orNone(a.Collation), orNone(b.Collation))
	add("NOT NULL ON CONFLICT", orNone(a.NotNullConflict), orNone(b.NotNullConflict))
	add("comment", fmt.Sprintf("%q", a.Comment), fmt.Sprintf("%q", b.Comment))
	if !sameAttrs(a.Attrs, b.Attrs) {
		add("attributes", fmt.Sprint(a.Attrs), fmt.Sprint(b.Attrs))
	}
	return strings.Join(parts, ", ")
}

func defaultText(d *string) string {
	if d == nil {
		return "none"
	}
	return *d
}

func generatedText(g *schema.Generated) string {
	if g == nil {
		return "none"
	}
	if g.Stored {
		return g.Expr + " STORED"
	}
	return g.Expr
}

func seqText(o *schema.SeqOptions) string {
	if o == nil {
		return "defaults"
	}
	return fmt.Sprintf("%+v", *o)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// onConflict spells a key's ON CONFLICT clause (SQLite), "" for none.
func onConflict(c string) string {
	if c == "" {
		return ""
	}
	return " ON CONFLICT " + c
}

func pkCols(pk *schema.PrimaryKey) string {
	if pk == nil || len(pk.Columns) == 0 {
		return "none"
	}
	cols := make([]string, len(pk.Columns))
	for i, c := range pk.Columns {
		cols[i] = c
		if slices.ContainsFunc(pk.Desc, func(d string) bool { return strings.EqualFold(d, c) }) {
			cols[i] += " DESC"
		}
	}
	return "(" + strings.Join(cols, ", ") + ")" + onConflict(pk.OnConflict)
}

// enumRemovals warns about values an enum change removes: rows holding
// one make the upgrade fail, and the data they held has to go first.
func enumRemovals(o op.AlterEnum) string {
	var gone []string
	for _, v := range o.From {
		if !slices.Contains(o.To, v) {
			gone = append(gone, "'"+strings.ReplaceAll(v, "'", "''")+"'")
		}
	}
	if len(gone) == 0 {
		return ""
	}
	return "; removes " + strings.Join(gone, ", ") + " (data loss: the upgrade fails while a row holds it)"
}

// setColumns is the column list of ON DELETE SET NULL (a, b), "" when
// the action sets every column of the key.
func setColumns(fk *schema.ForeignKey) string {
	if len(fk.DeleteSetColumns) == 0 {
		return ""
	}
	return " (" + strings.Join(fk.DeleteSetColumns, ", ") + ")"
}
