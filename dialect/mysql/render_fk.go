package mysql

import (
	"fmt"

	"github.com/retortdb/retort/op"
)

// foreignKeys renders the run of foreign-key operations starting at i.
// Drops and adds on one table in the run become one ALTER TABLE, so the
// table is never without its key (MySQL cannot alter a key in place).
// Only a run of key operations is merged: anything else between a drop
// and an add may depend on the key being absent.
func (r *renderer) foreignKeys(i int) error {
	t := r.ops[i].TableRef()
	group := []int{i}
	for j := i + 1; j < len(r.ops); j++ {
		switch r.ops[j].(type) {
		case op.DropForeignKey, op.AddForeignKey:
		default:
			j = len(r.ops)
			continue
		}
		if !r.used[j] && r.ops[j].TableRef() == t {
			group = append(group, j)
			r.used[j] = true
		}
	}
	var drops, adds []string
	for _, k := range group {
		switch o := r.ops[k].(type) {
		case op.DropForeignKey:
			if o.FK.Name == "" {
				return fmt.Errorf("refusing to drop an unnamed foreign key on %s", o.Table)
			}
			drops = append(drops, "DROP FOREIGN KEY "+quote(o.FK.Name))
			if ix := r.implicitIndex(o, k); ix != "" {
				drops = append(drops, "DROP INDEX "+quote(ix))
			}
		case op.AddForeignKey:
			d, err := fkDef(o.FK, r.fkName(o.Table.Name, o.FK))
			if err != nil {
				return err
			}
			adds = append(adds, "ADD "+d)
		}
	}
	r.alter(t, append(drops, adds...)...)
	for _, k := range group {
		r.advance(r.ops[k])
	}
	return nil
}

// implicitIndex is the index InnoDB made for a dropped key, when nothing
// else needs it: no later operation adds a key over the same columns and
// no other key of the table has them. Dropping it keeps the next diff
// from finding a stray index.
func (r *renderer) implicitIndex(o op.DropForeignKey, at int) string {
	t := r.state.Table(o.Table.Schema, o.Table.Name)
	if t == nil {
		return ""
	}
	ix := t.Options[fkIndexOption+o.FK.Name]
	if ix == "" {
		return ""
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name != o.FK.Name && sameFold(fk.Columns, o.FK.Columns) {
			return ""
		}
	}
	for _, later := range r.ops[at+1:] {
		if a, ok := later.(op.AddForeignKey); ok && a.Table == o.Table && sameFold(a.FK.Columns, o.FK.Columns) {
			return ""
		}
	}
	return ix
}
