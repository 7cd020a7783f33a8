package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// dropTable refuses to drop a table another table's key references, a
// view names, or that differs in keys from what the operation carries
// (its Reverse recreates that).
func (st *strict) dropTable(d *schema.Table) error {
	t := st.s.Table(d.Schema, d.Name)
	if t == nil {
		return nil
	}
	if len(t.ForeignKeys) != len(d.ForeignKeys) {
		return fmt.Errorf("table %s has %d foreign keys, the operation carries %d", t.Name, len(t.ForeignKeys), len(d.ForeignKeys))
	}
	for _, x := range st.s.Tables {
		for _, fk := range x.ForeignKeys {
			if x != t && strictReferences(x, fk, t) {
				return fmt.Errorf("table %s is still referenced by foreign key %s of %s", t.Name, fk.Name, x.Name)
			}
		}
	}
	return st.viewsNaming(t.Name, "")
}

// columnUnused refuses to drop a column a key, index or check uses:
// the database drops some of those with it, and the Reverse would not
// bring them back.
func (st *strict) columnUnused(t *schema.Table, name string) error {
	if t.PrimaryKey != nil && applyHasCol(t.PrimaryKey.Columns, name) {
		return fmt.Errorf("column %s.%s is in the primary key", t.Name, name)
	}
	for _, u := range t.Uniques {
		if applyHasCol(u.Columns, name) {
			return fmt.Errorf("column %s.%s is in unique %s", t.Name, name, u.Name)
		}
	}
	for _, ix := range t.Indexes {
		if applyIndexUses(ix, name) {
			return fmt.Errorf("column %s.%s is used by index %s", t.Name, name, ix.Name)
		}
	}
	for _, c := range t.Checks {
		if applyMentions(c.Expr, name) {
			return fmt.Errorf("column %s.%s is used by check %s", t.Name, name, c.Name)
		}
	}
	for _, x := range t.Exclusions {
		if applyIndexUses(&schema.Index{Parts: x.Parts, Include: x.Include, Where: x.Where}, name) {
			return fmt.Errorf("column %s.%s is used by exclusion constraint %s", t.Name, name, x.Name)
		}
	}
	return st.keysAvoid(t, name)
}

// keysAvoid refuses when a foreign key of t, or one referencing t, uses
// column name of t.
func (st *strict) keysAvoid(t *schema.Table, name string) error {
	for _, fk := range t.ForeignKeys {
		if applyHasCol(fk.Columns, name) {
			return fmt.Errorf("column %s.%s is used by foreign key %s", t.Name, name, fk.Name)
		}
	}
	for _, x := range st.s.Tables {
		for _, fk := range x.ForeignKeys {
			if strictReferences(x, fk, t) && applyHasCol(fk.RefColumns, name) {
				return fmt.Errorf("column %s.%s is referenced by foreign key %s of %s", t.Name, name, fk.Name, x.Name)
			}
		}
	}
	return nil
}

// checkFK refuses a key whose columns, referenced table or columns are
// missing, or whose referenced columns have no primary key, unique
// constraint or unique index over exactly them.
func (st *strict) checkFK(owner *schema.Table, fk *schema.ForeignKey) error {
	for _, c := range fk.Columns {
		if owner.Column(c) == nil {
			return fmt.Errorf("foreign key %s: no column %s.%s", fk.Name, owner.Name, c)
		}
	}
	ref := st.s.Table(applyRefSchema(owner, fk), fk.RefTable)
	if ref == nil {
		return fmt.Errorf("foreign key %s: referenced table %s does not exist", fk.Name, fk.RefTable)
	}
	for _, c := range fk.RefColumns {
		if ref.Column(c) == nil {
			return fmt.Errorf("foreign key %s: referenced column %s.%s does not exist", fk.Name, fk.RefTable, c)
		}
	}
	if !strictKeyed(ref, fk.RefColumns) {
		return fmt.Errorf("foreign key %s: %s has no primary key or unique over %v", fk.Name, fk.RefTable, fk.RefColumns)
	}
	return nil
}

// stillKeyed refuses when a key referencing t lost the key it relies on.
func (st *strict) stillKeyed(t *schema.Table) error {
	for _, x := range st.s.Tables {
		for _, fk := range x.ForeignKeys {
			if strictReferences(x, fk, t) {
				if err := st.checkFK(x, fk); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// strictReferences reports whether key fk of owner references table t.
func strictReferences(owner *schema.Table, fk *schema.ForeignKey, t *schema.Table) bool {
	return fk.RefTable == t.Name && applyRefSchema(owner, fk) == t.Schema
}

// strictKeyed reports whether t has a primary key, unique constraint or
// unique index (without a predicate) over exactly cols, in any order.
func strictKeyed(t *schema.Table, cols []string) bool {
	var keys [][]string
	if t.PrimaryKey != nil {
		keys = append(keys, t.PrimaryKey.Columns)
	}
	for _, u := range t.Uniques {
		keys = append(keys, u.Columns)
	}
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Where == "" {
			if c := strictIndexColumns(ix); c != nil {
				keys = append(keys, c)
			}
		}
	}
	for _, k := range keys {
		if len(k) == len(cols) && strictSameSet(k, cols) {
			return true
		}
	}
	return false
}

// strictIndexColumns returns an index's plain columns, or nil when a part
// is an expression.
func strictIndexColumns(ix *schema.Index) []string {
	cols := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		if p.Column == "" {
			return nil
		}
		cols = append(cols, p.Column)
	}
	return cols
}

// strictSameSet reports whether a and b hold the same column names,
// case-insensitively.
func strictSameSet(a, b []string) bool {
	for _, c := range b {
		if !applyHasCol(a, c) {
			return false
		}
	}
	for _, c := range a {
		if !applyHasCol(b, c) {
			return false
		}
	}
	return true
}
