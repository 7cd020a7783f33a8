package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderNeedsRebuild reports whether SQLite cannot make change o to table
// t with ALTER TABLE, so the table must be rebuilt.
func renderNeedsRebuild(o op.Op, t *schema.Table, s *schema.Schema) bool {
	switch o := o.(type) {
	case op.AlterColumn, op.AddForeignKey, op.DropForeignKey, op.AddUnique, op.DropUnique,
		op.AddCheck, op.DropCheck, op.AlterPrimaryKey, op.RenameConstraint, op.SetTableOptions:
		return true
	case op.AddColumn:
		return !renderCanAddColumn(o.Column)
	case op.DropColumn:
		return !renderCanDropColumn(t, o.Column.Name)
	}
	return false
}

// renderCanAddColumn follows ALTER TABLE ADD COLUMN's restrictions: no
// STORED generated column, a NOT NULL column needs a non-NULL default,
// and a default must be a constant (not CURRENT_* or an expression).
func renderCanAddColumn(c *schema.Column) bool {
	if c.AutoIncrement || c.Identity != "" {
		return false
	}
	if c.Generated != nil {
		return !c.Generated.Stored && c.Nullable
	}
	if c.Default != nil && !renderIsLiteral(strings.TrimSpace(*c.Default)) {
		return false
	}
	if !c.Nullable && (c.Default == nil || strings.EqualFold(strings.TrimSpace(*c.Default), "NULL")) {
		return false
	}
	return true
}

// renderCanDropColumn follows ALTER TABLE DROP COLUMN's restrictions: the
// column is in no key, index, foreign key, check or generated expression,
// and is not itself a stored generated column.
func renderCanDropColumn(t *schema.Table, name string) bool {
	has := func(cols []string) bool {
		for _, c := range cols {
			if strings.EqualFold(c, name) {
				return true
			}
		}
		return false
	}
	if c := t.Column(name); c != nil && c.Generated != nil && c.Generated.Stored {
		return false
	}
	if t.PrimaryKey != nil && has(t.PrimaryKey.Columns) {
		return false
	}
	for _, u := range t.Uniques {
		if has(u.Columns) {
			return false
		}
	}
	for _, fk := range t.ForeignKeys {
		if has(fk.Columns) {
			return false
		}
	}
	for _, ix := range t.Indexes {
		for _, p := range ix.Parts {
			if strings.EqualFold(p.Column, name) || p.Expr != "" && op.ExprMentions(p.Expr, name) {
				return false
			}
		}
		if ix.Where != "" && op.ExprMentions(ix.Where, name) {
			return false
		}
	}
	for _, ck := range t.Checks {
		if op.ExprMentions(ck.Expr, name) {
			return false
		}
	}
	for _, c := range t.Columns {
		if c.Generated != nil && !strings.EqualFold(c.Name, name) && op.ExprMentions(c.Generated.Expr, name) {
			return false
		}
	}
	return true
}

// plain renders an operation SQLite can run as it is, against r.cur as it
// stands before the operation.
func (r *renderer) plain(o op.Op) ([]string, error) {
	tableName := func() string { return renderQ(o.TableRef().Name) }
	switch o := o.(type) {
	case op.DropTable:
		return []string{"DROP TABLE " + renderQ(o.Table.Name)}, nil
	case op.RenameTable:
		return []string{"ALTER TABLE " + renderQ(o.Old) + " RENAME TO " + renderQ(o.New)}, nil
	case op.AddColumn:
		return []string{"ALTER TABLE " + tableName() + " ADD COLUMN " + renderColumnDef(o.Column, false, nil)}, nil
	case op.DropColumn:
		return []string{"ALTER TABLE " + tableName() + " DROP COLUMN " + renderQ(o.Column.Name)}, nil
	case op.RenameColumn:
		return []string{"ALTER TABLE " + tableName() + " RENAME COLUMN " + renderQ(o.Old) + " TO " + renderQ(o.New)}, nil
	case op.CreateIndex:
		ix := *o.Index
		if ix.Name == "" {
			t := r.cur.Table(o.Table.Schema, o.Table.Name)
			ix.Name = renderIndexName(r.cur, t, &ix, r.opts.Naming)
			o.Index = &ix
		}
		return []string{renderCreateIndex(&ix, o.Table.Name)}, nil
	case op.DropIndex:
		return []string{"DROP INDEX " + renderQ(o.Index.Name)}, nil
	case op.RenameIndex:
		// SQLite has no ALTER INDEX: drop it and create it anew.
		t := r.cur.Table(o.Table.Schema, o.Table.Name)
		if t == nil || t.Index(o.Old) == nil {
			return nil, fmt.Errorf("no index %s on %s", o.Old, o.Table)
		}
		ix := *t.Index(o.Old)
		ix.Name = o.New
		return []string{"DROP INDEX " + renderQ(o.Old), renderCreateIndex(&ix, o.Table.Name)}, nil
	case op.SetTableComment:
		return nil, nil // SQLite keeps no comments
	case op.CreateView:
		return []string{renderCreateView(o.View)}, nil
	case op.DropView:
		return []string{"DROP VIEW " + renderQ(o.View.Name)}, nil
	case op.CreateTrigger:
		if strings.TrimSpace(o.Trigger.SQL) == "" {
			return nil, fmt.Errorf("trigger %s has no SQL", o.Trigger.Name)
		}
		return []string{o.Trigger.SQL}, nil
	case op.DropTrigger:
		return []string{"DROP TRIGGER " + renderQ(o.Trigger.Name)}, nil
	case op.Execute:
		if strings.TrimSpace(o.Up) == "" {
			return nil, nil
		}
		return []string{strings.TrimSuffix(strings.TrimSpace(o.Up), ";")}, nil
	case op.CreateEnum, op.DropEnum, op.AlterEnum:
		return nil, fmt.Errorf("SQLite has no enum types")
	case op.CreateObject, op.DropObject, op.AlterObject:
		stmts, _ := op.ObjectStatements(o)
		return stmts, nil
	}
	return nil, fmt.Errorf("SQLite cannot run %T without a table rebuild", o)
}
