package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// alterColumnClauses renders a column change. MariaDB modifies a
// generated column's expression, and a STORED column into a regular one
// (keeping its values), but no other switch between regular, VIRTUAL and
// STORED (Error 1907): those drop the column and add it again at its
// place, with the keys over it, in one ALTER. A VIRTUAL column becoming
// regular is first re-added STORED, in its own ALTER, so the MODIFY
// that follows keeps its values.
func (r *renderer) alterColumnClauses(o op.AlterColumn) []string {
	if g := o.From.Generated; g != nil && !g.Stored && o.To.Generated == nil {
		stored := *o.From
		stored.Generated = &schema.Generated{Expr: g.Expr, Stored: true}
		r.alter(o.Table, r.alterColumnClauses(op.AlterColumn{Table: o.Table, From: o.From, To: &stored})...)
		o.From = &stored
	}
	if !recreates(o.From, o.To) {
		return []string{"MODIFY COLUMN " + r.stateColDef(o.Table, o.To)}
	}
	t := r.state.Table(o.Table.Schema, o.Table.Name)
	if t == nil {
		return []string{"DROP COLUMN " + quote(o.From.Name), "ADD COLUMN " + r.stateColDef(o.Table, o.To)}
	}
	var drops, adds []string
	col := []string{o.From.Name}
	if pk := t.PrimaryKey; pk != nil && schema.SameColumns(intersect(pk.Columns, col), col) {
		drops = append(drops, "DROP PRIMARY KEY")
		adds = append(adds, "ADD "+pkDef(pk))
	}
	for _, u := range t.Uniques {
		if len(intersect(u.Columns, col)) > 0 {
			drops = append(drops, "DROP INDEX "+quote(u.Name))
			adds = append(adds, fmt.Sprintf("ADD CONSTRAINT %s UNIQUE (%s)", quote(u.Name), quoteList(u.Columns)))
		}
	}
	for _, ix := range t.Indexes {
		if indexUses(ix, o.From.Name) {
			drops = append(drops, "DROP INDEX "+quote(ix.Name))
			adds = append(adds, r.indexClause(op.CreateIndex{Table: o.Table, Index: ix}))
		}
	}
	// A table check naming the column would make the drop fail.
	for _, ck := range t.Checks {
		if ck.Column == "" && ck.Name != "" && strings.Contains(ck.Expr, quote(o.From.Name)) {
			drops = append(drops, "DROP CONSTRAINT "+quote(ck.Name))
			adds = append(adds, "ADD "+checkDef(ck))
		}
	}
	cl := append(drops, "DROP COLUMN "+quote(o.From.Name), "ADD COLUMN "+colDef(t, o.To)+position(t, o.From.Name))
	return append(cl, adds...)
}

// recreates reports a change MariaDB cannot make with MODIFY COLUMN.
func recreates(from, to *schema.Column) bool {
	switch a, b := from.Generated, to.Generated; {
	case a == nil && b == nil:
		return false
	case a != nil && b != nil:
		return a.Stored != b.Stored
	case a != nil:
		return !a.Stored
	}
	return true
}

// position places a re-added column where it was: after the column
// before it, or first.
func position(t *schema.Table, name string) string {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			if i == 0 {
				return " FIRST"
			}
			return " AFTER " + quote(t.Columns[i-1].Name)
		}
	}
	return ""
}

func intersect(cols, with []string) []string {
	var out []string
	for _, c := range cols {
		for _, w := range with {
			if strings.EqualFold(c, w) {
				out = append(out, c)
			}
		}
	}
	return out
}

// indexUses reports whether an index has the column as a part or names
// it in an expression part.
func indexUses(ix *schema.Index, col string) bool {
	for _, p := range ix.Parts {
		if strings.EqualFold(p.Column, col) || (p.Expr != "" && strings.Contains(p.Expr, quote(col))) {
			return true
		}
	}
	return false
}

// keyRun returns the run of column and primary key changes of one table
// starting at i that must share one ALTER: an AUTO_INCREMENT column must
// be a key in the statement that makes it one, and stop being
// AUTO_INCREMENT in the statement that drops its key (Error 1075). nil
// when the run needs no merging.
func (r *renderer) keyRun(i int) []int {
	t := r.ops[i].TableRef()
	var run []int
	pk, auto := false, false
	for j := i; j < len(r.ops) && !r.used[j] || j == i; j++ {
		if r.ops[j].TableRef() != t {
			break
		}
		switch o := r.ops[j].(type) {
		case op.AlterPrimaryKey:
			pk = true
		case op.AddColumn:
			auto = auto || o.Column.AutoIncrement
		case op.DropColumn:
			auto = auto || o.Column.AutoIncrement
		case op.AlterColumn:
			auto = auto || o.From.AutoIncrement || o.To.AutoIncrement
		default:
			j = len(r.ops)
			continue
		}
		run = append(run, j)
	}
	if !pk || !auto || len(run) < 2 {
		return nil
	}
	return run
}
