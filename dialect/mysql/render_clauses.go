package mysql

import (
	"fmt"

	"github.com/retortdb/retort/op"
)

// tableClauses renders an operation that changes one table as ALTER TABLE
// clauses, so several can share one statement (see foreignKeys). ok is
// false for an operation that is not a clause of ALTER TABLE.
func (r *renderer) tableClauses(o op.Op) (cl []string, ok bool, err error) {
	switch o := o.(type) {
	case op.AddColumn:
		return []string{"ADD COLUMN " + r.stateColDef(o.Table, o.Column)}, true, nil
	case op.DropColumn:
		return []string{"DROP COLUMN " + quote(o.Column.Name)}, true, nil
	case op.AlterColumn:
		return r.alterColumnClauses(o), true, nil
	case op.RenameColumn:
		return []string{fmt.Sprintf("RENAME COLUMN %s TO %s", quote(o.Old), quote(o.New))}, true, nil
	case op.AlterPrimaryKey:
		if o.From != nil && len(o.From.Columns) > 0 {
			cl = append(cl, "DROP PRIMARY KEY")
		}
		if o.To != nil && len(o.To.Columns) > 0 {
			cl = append(cl, "ADD "+pkDef(o.To))
		}
		return cl, true, nil
	case op.AddUnique:
		name := o.Unique.Name
		if name == "" {
			name = r.opts.Naming.Name("uq", o.Table.Name, o.Unique.Columns)
		}
		return []string{fmt.Sprintf("ADD CONSTRAINT %s UNIQUE (%s)", quote(name), quoteList(o.Unique.Columns))}, true, nil
	case op.DropUnique:
		if o.Unique.Name == "" {
			return nil, true, fmt.Errorf("refusing to drop an unnamed unique constraint on %s", o.Table)
		}
		return []string{"DROP INDEX " + quote(o.Unique.Name)}, true, nil
	case op.AddCheck:
		if o.Check.Column != "" {
			cl, err := r.columnCheckClause(o.Table, o.Check, true)
			return []string{cl}, true, err
		}
		return []string{"ADD " + checkDef(o.Check)}, true, nil
	case op.DropCheck:
		if o.Check.Column != "" {
			cl, err := r.columnCheckClause(o.Table, o.Check, false)
			return []string{cl}, true, err
		}
		if o.Check.Name == "" {
			return nil, true, fmt.Errorf("refusing to drop an unnamed check constraint on %s", o.Table)
		}
		// DROP CONSTRAINT: both MariaDB and MySQL 8.0.19+ accept it for checks.
		return []string{"DROP CONSTRAINT " + quote(o.Check.Name)}, true, nil
	case op.RenameIndex:
		return []string{fmt.Sprintf("RENAME INDEX %s TO %s", quote(o.Old), quote(o.New))}, true, nil
	case op.SetTableComment:
		return []string{"COMMENT = " + literal(o.To)}, true, nil
	}
	return nil, false, nil
}

// indexClause is CREATE INDEX as a clause of ALTER TABLE.
func (r *renderer) indexClause(o op.CreateIndex) string {
	name := o.Index.Name
	if name == "" {
		name = r.opts.Naming.IndexName(o.Table.Name, o.Index)
	}
	return fmt.Sprintf("ADD %sINDEX %s (%s)%s", indexKind(o.Index), quote(name), indexParts(o.Index.Parts), r.indexTail(o.Index))
}
