// Package op holds schema-change operations as plain values. Every
// operation carries what it needs to build its own reverse, so a downgrade
// is always the reversed upgrade.
package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// Op is one schema change.
type Op interface {
	// Reverse returns the operation that undoes this one.
	Reverse() Op
	// String describes the change for humans, e.g. "add foreign key
	// notes_author_id_fkey on notes".
	String() string
	// TableRef names the table the change belongs to; the zero Ref for
	// changes that belong to no table (views, enums, raw SQL).
	TableRef() Ref
}

// Ref names a table.
type Ref struct {
	Schema string
	Name   string
}

func (r Ref) String() string {
	if r.Schema == "" {
		return r.Name
	}
	return r.Schema + "." + r.Name
}

// RefOf returns the Ref of a table.
func RefOf(t *schema.Table) Ref { return Ref{Schema: t.Schema, Name: t.Name} }

type CreateTable struct{ Table *schema.Table }
type DropTable struct{ Table *schema.Table }
type RenameTable struct {
	Schema   string
	Old, New string
}

type AddColumn struct {
	Table  Ref
	Column *schema.Column
}
type DropColumn struct {
	Table  Ref
	Column *schema.Column
}

// AlterColumn changes a column's type, nullability, default, collation,
// generation or attributes from From to To (same name).
type AlterColumn struct {
	Table    Ref
	From, To *schema.Column
}
type RenameColumn struct {
	Table    Ref
	Old, New string
}

// AlterPrimaryKey replaces the primary key; either side may be nil.
type AlterPrimaryKey struct {
	Table    Ref
	From, To *schema.PrimaryKey
}

type AddForeignKey struct {
	Table Ref
	FK    *schema.ForeignKey
}
type DropForeignKey struct {
	Table Ref
	FK    *schema.ForeignKey
}

type AddUnique struct {
	Table  Ref
	Unique *schema.Unique
}
type DropUnique struct {
	Table  Ref
	Unique *schema.Unique
}
type AddCheck struct {
	Table Ref
	Check *schema.Check
}
type DropCheck struct {
	Table Ref
	Check *schema.Check
}

// RenameConstraint renames a constraint of kind schema.KindForeignKey,
// KindUnique, KindCheck or KindPrimaryKey.
type RenameConstraint struct {
	Table    Ref
	Kind     schema.ConstraintKind
	Old, New string
}

// CreateIndex builds an index. Online asks for a build that does not
// block the table's writes, because the table is big enough that a plain
// build would stall the application: PostgreSQL builds it CONCURRENTLY
// (the revision then runs stepwise) except on a table the same revision
// creates or a partitioned one, where it cannot. MySQL/MariaDB (InnoDB
// builds a secondary index online already) and SQLite (no such form)
// render the plain statement. It carries over to the reverse DropIndex.
type CreateIndex struct {
	Table  Ref
	Index  *schema.Index
	Online bool
}

// DropIndex drops an index; Online as in CreateIndex (PostgreSQL: DROP
// INDEX CONCURRENTLY).
type DropIndex struct {
	Table  Ref
	Index  *schema.Index
	Online bool
}
type RenameIndex struct {
	Table    Ref
	Old, New string
}

// SetTableComment changes a table comment.
type SetTableComment struct {
	Table    Ref
	From, To string
}

type CreateView struct{ View *schema.View }
type DropView struct{ View *schema.View }
type CreateTrigger struct{ Trigger *schema.Trigger }
type DropTrigger struct{ Trigger *schema.Trigger }
type CreateEnum struct{ Enum *schema.Enum }
type DropEnum struct{ Enum *schema.Enum }

// AlterEnum changes an enum's values from From to To.
type AlterEnum struct {
	Schema, Name string
	From, To     []string
}

// Execute runs raw SQL; Down is its reverse ("" when irreversible).
type Execute struct {
	Up, Down string
}

func (o CreateTable) Reverse() Op     { return DropTable(o) }
func (o DropTable) Reverse() Op       { return CreateTable(o) }
func (o RenameTable) Reverse() Op     { return RenameTable{Schema: o.Schema, Old: o.New, New: o.Old} }
func (o AddColumn) Reverse() Op       { return DropColumn(o) }
func (o DropColumn) Reverse() Op      { return AddColumn(o) }
func (o AlterColumn) Reverse() Op     { return AlterColumn{Table: o.Table, From: o.To, To: o.From} }
func (o RenameColumn) Reverse() Op    { return RenameColumn{Table: o.Table, Old: o.New, New: o.Old} }
func (o AlterPrimaryKey) Reverse() Op { return AlterPrimaryKey{Table: o.Table, From: o.To, To: o.From} }
func (o AddForeignKey) Reverse() Op   { return DropForeignKey(o) }
func (o DropForeignKey) Reverse() Op  { return AddForeignKey(o) }
func (o AddUnique) Reverse() Op       { return DropUnique(o) }
func (o DropUnique) Reverse() Op      { return AddUnique(o) }
func (o AddCheck) Reverse() Op        { return DropCheck(o) }
func (o DropCheck) Reverse() Op       { return AddCheck(o) }
func (o RenameConstraint) Reverse() Op {
	return RenameConstraint{Table: o.Table, Kind: o.Kind, Old: o.New, New: o.Old}
}
func (o CreateIndex) Reverse() Op     { return DropIndex(o) }
func (o DropIndex) Reverse() Op       { return CreateIndex(o) }
func (o RenameIndex) Reverse() Op     { return RenameIndex{Table: o.Table, Old: o.New, New: o.Old} }
func (o SetTableComment) Reverse() Op { return SetTableComment{Table: o.Table, From: o.To, To: o.From} }
func (o CreateView) Reverse() Op      { return DropView(o) }
func (o DropView) Reverse() Op        { return CreateView(o) }
func (o CreateTrigger) Reverse() Op   { return DropTrigger(o) }
func (o DropTrigger) Reverse() Op     { return CreateTrigger(o) }
func (o CreateEnum) Reverse() Op      { return DropEnum(o) }
func (o DropEnum) Reverse() Op        { return CreateEnum(o) }
func (o AlterEnum) Reverse() Op {
	return AlterEnum{Schema: o.Schema, Name: o.Name, From: o.To, To: o.From}
}
func (o Execute) Reverse() Op { return Execute{Up: o.Down, Down: o.Up} }

func (o CreateTable) TableRef() Ref      { return RefOf(o.Table) }
func (o DropTable) TableRef() Ref        { return RefOf(o.Table) }
func (o RenameTable) TableRef() Ref      { return Ref{Schema: o.Schema, Name: o.Old} }
func (o AddColumn) TableRef() Ref        { return o.Table }
func (o DropColumn) TableRef() Ref       { return o.Table }
func (o AlterColumn) TableRef() Ref      { return o.Table }
func (o RenameColumn) TableRef() Ref     { return o.Table }
func (o AlterPrimaryKey) TableRef() Ref  { return o.Table }
func (o AddForeignKey) TableRef() Ref    { return o.Table }
func (o DropForeignKey) TableRef() Ref   { return o.Table }
func (o AddUnique) TableRef() Ref        { return o.Table }
func (o DropUnique) TableRef() Ref       { return o.Table }
func (o AddCheck) TableRef() Ref         { return o.Table }
func (o DropCheck) TableRef() Ref        { return o.Table }
func (o RenameConstraint) TableRef() Ref { return o.Table }
func (o CreateIndex) TableRef() Ref      { return o.Table }
func (o DropIndex) TableRef() Ref        { return o.Table }
func (o RenameIndex) TableRef() Ref      { return o.Table }
func (o SetTableComment) TableRef() Ref  { return o.Table }
func (o CreateView) TableRef() Ref       { return Ref{} }
func (o DropView) TableRef() Ref         { return Ref{} }
func (o CreateTrigger) TableRef() Ref {
	return Ref{Schema: o.Trigger.Schema, Name: o.Trigger.Table}
}
func (o DropTrigger) TableRef() Ref {
	return Ref{Schema: o.Trigger.Schema, Name: o.Trigger.Table}
}
func (o CreateEnum) TableRef() Ref { return Ref{} }
func (o DropEnum) TableRef() Ref   { return Ref{} }
func (o AlterEnum) TableRef() Ref  { return Ref{} }
func (o Execute) TableRef() Ref    { return Ref{} }

func (o CreateTable) String() string { return "create table " + o.Table.QualifiedName() }
func (o DropTable) String() string   { return "drop table " + o.Table.QualifiedName() }
func (o RenameTable) String() string { return fmt.Sprintf("rename table %s to %s", o.Old, o.New) }
func (o AddColumn) String() string {
	return fmt.Sprintf("add column %s.%s", o.Table, o.Column.Name)
}
func (o DropColumn) String() string {
	return fmt.Sprintf("drop column %s.%s", o.Table, o.Column.Name)
}
func (o AlterColumn) String() string {
	return fmt.Sprintf("alter column %s.%s", o.Table, o.To.Name)
}
func (o RenameColumn) String() string {
	return fmt.Sprintf("rename column %s.%s to %s", o.Table, o.Old, o.New)
}
func (o AlterPrimaryKey) String() string { return "alter primary key on " + o.Table.String() }
func (o AddForeignKey) String() string {
	return fmt.Sprintf("add foreign key %s on %s", fkLabel(o.FK), o.Table)
}
func (o DropForeignKey) String() string {
	return fmt.Sprintf("drop foreign key %s on %s", fkLabel(o.FK), o.Table)
}
func (o AddUnique) String() string {
	return fmt.Sprintf("add unique %s%v on %s", o.Unique.Name, o.Unique.Columns, o.Table)
}
func (o DropUnique) String() string {
	return fmt.Sprintf("drop unique %s%v on %s", o.Unique.Name, o.Unique.Columns, o.Table)
}
func (o AddCheck) String() string {
	return fmt.Sprintf("add check %s (%s) on %s", o.Check.Name, o.Check.Expr, o.Table)
}
func (o DropCheck) String() string {
	return fmt.Sprintf("drop check %s (%s) on %s", o.Check.Name, o.Check.Expr, o.Table)
}
func (o RenameConstraint) String() string {
	return fmt.Sprintf("rename constraint %s to %s on %s", o.Old, o.New, o.Table)
}
func (o CreateIndex) String() string {
	return fmt.Sprintf("create index %s on %s", o.Index.Name, o.Table)
}
func (o DropIndex) String() string { return fmt.Sprintf("drop index %s on %s", o.Index.Name, o.Table) }
func (o RenameIndex) String() string {
	return fmt.Sprintf("rename index %s to %s on %s", o.Old, o.New, o.Table)
}
func (o SetTableComment) String() string { return "set comment on " + o.Table.String() }
func (o CreateView) String() string      { return "create " + viewWord(o.View) + " " + o.View.Name }
func (o DropView) String() string        { return "drop " + viewWord(o.View) + " " + o.View.Name }
func (o CreateTrigger) String() string   { return "create trigger " + o.Trigger.Name }
func (o DropTrigger) String() string     { return "drop trigger " + o.Trigger.Name }
func (o CreateEnum) String() string      { return "create enum " + o.Enum.Name }
func (o DropEnum) String() string        { return "drop enum " + o.Enum.Name }
func (o AlterEnum) String() string       { return "alter enum " + o.Name }
func (o Execute) String() string         { return "execute SQL" }

func fkLabel(fk *schema.ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return fmt.Sprintf("%v -> %s%v", fk.Columns, fk.RefTable, fk.RefColumns)
}

// ReverseAll returns the reverse of a list of operations: each reversed,
// in reverse order.
func ReverseAll(ops []Op) []Op {
	out := make([]Op, 0, len(ops))
	for i := len(ops) - 1; i >= 0; i-- {
		out = append(out, ops[i].Reverse())
	}
	return out
}

func viewWord(v *schema.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}
