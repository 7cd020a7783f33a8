package mysql

import (
	"fmt"
	"github.com/retortdb/retort/schema"

	"github.com/retortdb/retort/op"
)

// foreignKeys renders the run of foreign-key operations starting at i.
// Drops and adds on one table in the run share one ALTER TABLE, so the
// table is never without its key (MySQL cannot alter a key in place).
// Only a run of key operations is merged: anything else between a drop
// and an add may depend on the key being absent.
//
// MariaDB refuses to drop and add the same constraint name in one ALTER
// (ERROR 1826 Duplicate FOREIGN KEY constraint name), so a key that keeps
// its name is swapped through a temporary name in a second ALTER; at
// every point the table holds the old key or the new one.
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
	var drops, first, second []string
	dropped := map[string]bool{}
	for _, k := range group {
		if o, ok := r.ops[k].(op.DropForeignKey); ok {
			if o.FK.Name == "" {
				return fmt.Errorf("refusing to drop an unnamed foreign key on %s", o.Table)
			}
			drops = append(drops, "DROP FOREIGN KEY "+quote(o.FK.Name))
			dropped[o.FK.Name] = true
			if ix := r.implicitIndex(o, k); ix != "" {
				drops = append(drops, "DROP INDEX "+quote(ix))
			}
		}
	}
	for _, k := range group {
		o, ok := r.ops[k].(op.AddForeignKey)
		if !ok {
			continue
		}
		name := r.fkName(o.Table.Name, o.FK)
		if !dropped[name] {
			d, err := fkDef(o.FK, name)
			if err != nil {
				return err
			}
			first = append(first, "ADD "+d)
			continue
		}
		tmp := tempName(name)
		d1, err := fkDef(o.FK, tmp)
		if err != nil {
			return err
		}
		d2, _ := fkDef(o.FK, name)
		first = append(first, "ADD "+d1)
		second = append(second, "DROP FOREIGN KEY "+quote(tmp), "ADD "+d2)
	}
	r.alter(t, append(drops, first...)...)
	if len(second) > 0 {
		r.alter(t, second...)
	}
	for _, k := range group {
		r.advance(r.ops[k])
	}
	return nil
}

// tempName is the name a key holds between the two ALTERs of a swap,
// within MySQL's 64-character limit.
func tempName(name string) string {
	const suffix = "__retort_swap"
	if len(name)+len(suffix) > 64 {
		name = name[:64-len(suffix)]
	}
	return name + suffix
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
		if fk.Name != o.FK.Name && schema.SameColumns(fk.Columns, o.FK.Columns) {
			return ""
		}
	}
	for _, later := range r.ops[at+1:] {
		if a, ok := later.(op.AddForeignKey); ok && a.Table == o.Table && schema.SameColumns(a.FK.Columns, o.FK.Columns) {
			return ""
		}
	}
	return ix
}
