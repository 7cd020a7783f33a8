package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// foreignKeys renders the run of foreign-key operations starting at i.
// Drops and adds on one table in the run share one ALTER TABLE, so the
// table is never without its key (MySQL cannot alter a key in place).
// The other changes of the table that gatherFKSpans put next to them
// join the same statement.
//
// MariaDB refuses to drop and add the same constraint name in one ALTER
// (ERROR 1826 Duplicate FOREIGN KEY constraint name), so a key that keeps
// its name is swapped through a temporary name in a second ALTER; at
// every point the table holds the old key or the new one. The second
// ALTER only renames a key the first one validated, so on MariaDB it runs
// in place (metadataOnly); so does the first when it only changes the
// actions of keys over unchanged columns and references.
func (r *renderer) foreignKeys(i int) error {
	t := r.ops[i].TableRef()
	group := r.spanGroup(i)
	if group == nil {
		group = []int{i}
		for j := i + 1; j < len(r.ops); j++ {
			switch r.ops[j].(type) {
			case op.DropForeignKey, op.AddForeignKey:
			default:
				j = len(r.ops)
				continue
			}
			if !r.used[j] && r.ops[j].TableRef() == t {
				group = append(group, j)
			}
		}
	}
	for _, k := range group {
		r.used[k] = true
	}
	var drops, middle, first, second []string
	dropped := map[string]*schema.ForeignKey{}
	for _, k := range group {
		switch o := r.ops[k].(type) {
		case op.DropForeignKey:
			if o.FK.Name == "" {
				return fmt.Errorf("refusing to drop an unnamed foreign key on %s", o.Table)
			}
			drops = append(drops, "DROP FOREIGN KEY "+quote(o.FK.Name))
			dropped[o.FK.Name] = o.FK
			if ix := r.implicitIndex(o, k); ix != "" {
				drops = append(drops, "DROP INDEX "+quote(ix))
			}
		case op.AddForeignKey:
		default:
			cl, err := r.memberClauses(o)
			if err != nil {
				return err
			}
			middle = append(middle, cl...)
		}
	}
	inPlace := r.metadataOnly && len(middle) == 0
	for _, k := range group {
		o, ok := r.ops[k].(op.AddForeignKey)
		if !ok {
			continue
		}
		name := r.fkName(o.Table.Name, o.FK)
		old := dropped[name]
		if old == nil {
			d, err := fkDef(o.FK, name)
			if err != nil {
				return err
			}
			first = append(first, "ADD "+d)
			inPlace = false
			continue
		}
		if !sameTarget(t, old, o.FK) {
			inPlace = false
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
	r.fkAlter(t, inPlace && len(second) > 0, append(append(drops, middle...), first...))
	if len(second) > 0 {
		r.fkAlter(t, r.metadataOnly, second)
	}
	for _, k := range group {
		r.advance(r.ops[k])
	}
	return nil
}

// spanGroup is the run of changes of one table from i on that
// gatherFKSpans put together: up to its last added key, when the run holds
// other changes than keys. nil otherwise.
func (r *renderer) spanGroup(i int) []int {
	t := r.ops[i].TableRef()
	var group []int
	end, other := -1, false
	for j := i; j < len(r.ops) && (j == i || !r.used[j]) && r.ops[j].TableRef() == t && spanMember(r.ops[j]); j++ {
		group = append(group, j)
		switch r.ops[j].(type) {
		case op.AddForeignKey:
			end = len(group)
		case op.DropForeignKey:
		default:
			other = true
		}
	}
	if end < 0 || !other {
		return nil
	}
	group = group[:end]
	for _, k := range group {
		switch r.ops[k].(type) {
		case op.AddForeignKey, op.DropForeignKey:
		default:
			return group
		}
	}
	return nil
}

// memberClauses renders a change of the table inside a merged ALTER.
func (r *renderer) memberClauses(o op.Op) ([]string, error) {
	switch o := o.(type) {
	case op.CreateIndex:
		return []string{r.indexClause(o)}, nil
	case op.DropIndex:
		if o.Index.Name == "" {
			return nil, fmt.Errorf("refusing to drop an unnamed index on %s", o.Table)
		}
		return []string{"DROP INDEX " + quote(o.Index.Name)}, nil
	}
	cl, _, err := r.tableClauses(o)
	return cl, err
}

// fkAlter emits an ALTER of keys; inPlace runs it without copying the
// table: MariaDB adds a key in place only with foreign_key_checks off,
// set for this one statement so it is restored whatever happens (also
// after a crash: a resumed run repeats the statement with its setting).
// The rows were checked by the key it replaces (and by Plan.PreChecks);
// LOCK=NONE lets writers through while it runs.
func (r *renderer) fkAlter(t op.Ref, inPlace bool, clauses []string) {
	if !inPlace {
		r.alter(t, clauses...)
		return
	}
	r.emit(inPlacePrefix + "ALTER TABLE " + tableName(t) + " " + strings.Join(clauses, ", ") + ", ALGORITHM=NOCOPY, LOCK=NONE")
}

// inPlacePrefix turns foreign-key checks off for one MariaDB statement.
const inPlacePrefix = "SET STATEMENT foreign_key_checks=0 FOR "

// sameTarget reports whether b keeps a's columns and referenced table and
// columns, so the rows a accepted are the rows b accepts.
func sameTarget(owner op.Ref, a, b *schema.ForeignKey) bool {
	return sameRef(refOf(owner, a), refOf(owner, b)) &&
		strings.Join(a.Columns, ",") == strings.Join(b.Columns, ",") &&
		strings.Join(a.RefColumns, ",") == strings.Join(b.RefColumns, ",")
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
		// A key this revision added (the downgrade's model comes from
		// the ops, not from the server): InnoDB named the index it made
		// after the key, unless a key or index already led with its
		// columns.
		if covered(t, o.FK.Columns) {
			return ""
		}
		ix = o.FK.Name
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

// covered reports whether the primary key, a unique constraint or a plain
// index of t starts with cols, in order: InnoDB then makes no index of
// its own for a foreign key over cols.
func covered(t *schema.Table, cols []string) bool {
	leads := func(key []string) bool {
		if len(key) < len(cols) {
			return false
		}
		for i, c := range cols {
			if !strings.EqualFold(key[i], c) {
				return false
			}
		}
		return true
	}
	if t.PrimaryKey != nil && leads(t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if leads(u.Columns) {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if ix.Method != "FULLTEXT" && ix.Method != "SPATIAL" && leads(partColumns(ix)) {
			return true
		}
	}
	return false
}
