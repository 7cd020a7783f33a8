package diff

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renamer decides which live tables and columns become which desired ones
// under another name, before the rest of the comparison runs.
type renamer struct {
	from, to     *schema.Schema
	opts         Options
	fromBy, toBy map[tkey]*schema.Table

	tableTo   map[*schema.Table]*schema.Table // live -> desired, renamed tables
	tableFrom map[*schema.Table]*schema.Table // desired -> live
	colTo     map[*schema.Column]*schema.Column
	colFrom   map[*schema.Column]*schema.Column
	tables    []op.RenameTable
	columns   []op.RenameColumn
	undecided []Candidate
}

// planRenames returns the table renames, then the column renames, that
// take from toward to (column renames name their table by its new name).
func planRenames(from, to *schema.Schema, opts Options) ([]op.Op, error) {
	r := &renamer{from: from, to: to, opts: opts,
		tableTo: map[*schema.Table]*schema.Table{}, tableFrom: map[*schema.Table]*schema.Table{},
		colTo: map[*schema.Column]*schema.Column{}, colFrom: map[*schema.Column]*schema.Column{},
		fromBy: map[tkey]*schema.Table{}, toBy: map[tkey]*schema.Table{}}
	for _, t := range from.Tables {
		r.fromBy[keyOf(t)] = t
	}
	for _, t := range to.Tables {
		r.toBy[keyOf(t)] = t
	}
	var colDecisions []Rename
	for _, d := range opts.Renames {
		if d.Table != "" && findTable(from, d.Table) == nil && findTable(to, d.Table) == nil &&
			findTable(from, d.Table+"."+d.Old) != nil {
			d.Old, d.Table = d.Table+"."+d.Old, "" // SCHEMA.OLD_TABLE=NEW_TABLE
		}
		if d.Table != "" {
			colDecisions = append(colDecisions, d)
			continue
		}
		if err := r.decidedTable(d); err != nil {
			return nil, err
		}
	}
	for _, d := range colDecisions {
		if err := r.decidedColumn(d); err != nil {
			return nil, err
		}
	}
	if err := r.tableCandidates(); err != nil {
		return nil, err
	}
	if err := r.columnCandidates(); err != nil {
		return nil, err
	}
	if len(r.undecided) > 0 {
		return nil, &UndecidedRenamesError{Candidates: r.undecided}
	}
	sort.SliceStable(r.tables, func(i, j int) bool {
		a, b := r.tables[i], r.tables[j]
		return lessKey(tkey{a.Schema, a.Old}, tkey{b.Schema, b.Old})
	})
	sort.SliceStable(r.columns, func(i, j int) bool {
		a, b := r.columns[i], r.columns[j]
		if a.Table != b.Table {
			return lessKey(tkey{a.Table.Schema, a.Table.Name}, tkey{b.Table.Schema, b.Table.Name})
		}
		return a.Old < b.Old
	})
	var ops []op.Op
	for _, o := range r.tables {
		ops = append(ops, o)
	}
	for _, o := range r.columns {
		ops = append(ops, o)
	}
	return ops, nil
}

// liveOf is the live table a desired one continues, or nil for a new one.
func (r *renamer) liveOf(w *schema.Table) *schema.Table {
	if l := r.tableFrom[w]; l != nil {
		return l
	}
	if l := r.fromBy[keyOf(w)]; l != nil && r.tableTo[l] == nil {
		return l
	}
	return nil
}

// wantOf is the desired table a live one continues as, or nil if dropped.
func (r *renamer) wantOf(l *schema.Table) *schema.Table {
	if w := r.tableTo[l]; w != nil {
		return w
	}
	if w := r.toBy[keyOf(l)]; w != nil && r.tableFrom[w] == nil {
		return w
	}
	return nil
}

func (r *renamer) decidedTable(d Rename) error {
	fail := func(format string, args ...any) error {
		return &RenameError{Rename: d, Msg: fmt.Sprintf(format, args...)}
	}
	l := findTable(r.from, d.Old)
	if l == nil {
		if d.Hint {
			return nil // applied already, or the table never existed here
		}
		return fail("the database has no table %s", d.Old)
	}
	w := findTable(r.to, qualify(l.Schema, d.New))
	if w == nil {
		return fail("the desired schema has no table %s", qualify(l.Schema, d.New))
	}
	if prev := r.tableTo[l]; prev != nil {
		if prev == w {
			return nil // decided twice, alike
		}
		return fail("table %s is also renamed to %s", l.QualifiedName(), prev.QualifiedName())
	}
	if prev := r.tableFrom[w]; prev != nil {
		return fail("table %s is also renamed to %s", prev.QualifiedName(), w.QualifiedName())
	}
	if other := r.fromBy[keyOf(w)]; other != nil {
		if d.Hint {
			return nil
		}
		return fail("the database already has a table %s (rename it away in an earlier revision)", w.QualifiedName())
	}
	r.takeTable(l, w)
	return nil
}

func (r *renamer) takeTable(l, w *schema.Table) {
	r.tableTo[l], r.tableFrom[w] = w, l
	r.tables = append(r.tables, op.RenameTable{Schema: l.Schema, Old: l.Name, New: w.Name})
}

func (r *renamer) decidedColumn(d Rename) error {
	fail := func(format string, args ...any) error {
		return &RenameError{Rename: d, Msg: fmt.Sprintf(format, args...)}
	}
	var l, w *schema.Table
	if w = findTable(r.to, d.Table); w != nil {
		l = r.liveOf(w)
	} else if l = findTable(r.from, d.Table); l != nil {
		w = r.wantOf(l)
	}
	switch {
	case l == nil && w == nil:
		if d.Hint {
			return nil
		}
		return fail("neither the database nor the desired schema has a table %s (nor, for a table rename, the database a table %s.%s)", d.Table, d.Table, d.Old)
	case l == nil:
		if d.Hint {
			return nil // a new table: nothing to rename
		}
		return fail("table %s is new: the database has nothing to rename", w.QualifiedName())
	case w == nil:
		return fail("table %s is not in the desired schema", l.QualifiedName())
	}
	lc := findColumn(l, d.Old)
	if lc == nil {
		if d.Hint {
			return nil
		}
		return fail("the database's table %s has no column %s", l.QualifiedName(), d.Old)
	}
	wc := findColumn(w, d.New)
	if wc == nil {
		return fail("the desired table %s has no column %s", w.QualifiedName(), d.New)
	}
	if prev := r.colTo[lc]; prev != nil {
		if prev == wc {
			return nil
		}
		return fail("column %s.%s is also renamed to %s", l.QualifiedName(), lc.Name, prev.Name)
	}
	if prev := r.colFrom[wc]; prev != nil {
		return fail("column %s.%s is also renamed to %s", l.QualifiedName(), prev.Name, wc.Name)
	}
	if l.Column(wc.Name) != nil {
		if d.Hint {
			return nil
		}
		return fail("the database's table %s already has a column %s (rename it away in an earlier revision)", l.QualifiedName(), wc.Name)
	}
	r.takeColumn(w, lc, wc)
	return nil
}

func (r *renamer) takeColumn(w *schema.Table, lc, wc *schema.Column) {
	r.colTo[lc], r.colFrom[wc] = wc, lc
	r.columns = append(r.columns, op.RenameColumn{Table: op.RefOf(w), Old: lc.Name, New: wc.Name})
}

// decide settles one candidate: taken as a rename (true), a drop and add
// (false), or left undecided.
func (r *renamer) decide(c Candidate) (bool, error) {
	switch {
	case r.opts.NoRename:
		return false, nil
	case r.opts.Decide != nil:
		yes, err := r.opts.Decide(c)
		if errors.Is(err, ErrUndecided) {
			r.undecided = append(r.undecided, c)
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("deciding whether %s is a rename: %w", c, err)
		}
		return yes, nil
	}
	r.undecided = append(r.undecided, c)
	return false, nil
}

// tableCandidates offers each dropped table with the same columns as a
// created one in the same schema.
func (r *renamer) tableCandidates() error {
	var dropped, created []*schema.Table
	for _, l := range r.from.Tables {
		if r.wantOf(l) == nil {
			dropped = append(dropped, l)
		}
	}
	for _, w := range r.to.Tables {
		if r.liveOf(w) == nil {
			created = append(created, w)
		}
	}
	sort.SliceStable(dropped, func(i, j int) bool { return lessTable(dropped[i], dropped[j]) })
	sort.SliceStable(created, func(i, j int) bool { return lessTable(created[i], created[j]) })
	for _, l := range dropped {
		for _, w := range created {
			if r.tableTo[l] != nil || r.tableFrom[w] != nil || l.Schema != w.Schema || !sameTableShape(l, w) {
				continue
			}
			c := Candidate{Old: l.QualifiedName(), New: w.QualifiedName()}
			for _, col := range w.Columns {
				c.Columns = append(c.Columns, col.Name)
			}
			yes, err := r.decide(c)
			if err != nil {
				return err
			}
			if yes {
				r.takeTable(l, w)
			}
		}
	}
	return nil
}

// columnCandidates offers, in each table both sides have, each dropped
// column with the same type, nullability and default as an added one.
func (r *renamer) columnCandidates() error {
	want := append([]*schema.Table(nil), r.to.Tables...)
	sort.SliceStable(want, func(i, j int) bool { return lessTable(want[i], want[j]) })
	for _, w := range want {
		l := r.liveOf(w)
		if l == nil {
			continue
		}
		for _, lc := range l.Columns {
			if r.colTo[lc] != nil || w.Column(lc.Name) != nil {
				continue
			}
			for _, wc := range w.Columns {
				if r.colTo[lc] != nil || r.colFrom[wc] != nil || l.Column(wc.Name) != nil || !sameShape(lc, wc) {
					continue
				}
				yes, err := r.decide(Candidate{Table: w.QualifiedName(), Old: lc.Name, New: wc.Name, Column: wc})
				if err != nil {
					return err
				}
				if yes {
					r.takeColumn(w, lc, wc)
				}
			}
		}
	}
	return nil
}

// sameShape: what a renamed column keeps (its name aside).
func sameShape(a, b *schema.Column) bool {
	return !reshapes(a, b) && a.Nullable == b.Nullable && sameDefault(a.Default, b.Default)
}

// sameTableShape: the same columns, by name and shape, in any order.
func sameTableShape(a, b *schema.Table) bool {
	if len(a.Columns) != len(b.Columns) || len(a.Columns) == 0 {
		return false
	}
	for _, c := range a.Columns {
		d := findColumn(b, c.Name)
		if d == nil || !sameShape(c, d) {
			return false
		}
	}
	return true
}

func qualify(sch, name string) string {
	if sch == "" {
		return name
	}
	return sch + "." + name
}

// findTable looks a table up by "name" or "schema.name": exactly, then
// case-insensitively when that finds one table. A bare name outside the
// default schema is found when it is the only table of that name.
func findTable(s *schema.Schema, name string) *schema.Table {
	sch, bare, qualified := strings.Cut(name, ".")
	if !qualified {
		sch, bare = "", name
	}
	var exact, folded []*schema.Table
	for _, t := range s.Tables {
		if qualified && !strings.EqualFold(t.Schema, sch) {
			continue
		}
		switch {
		case t.Name == bare && (!qualified || t.Schema == sch):
			exact = append(exact, t)
		case strings.EqualFold(t.Name, bare):
			folded = append(folded, t)
		}
	}
	if len(exact) > 1 && !qualified {
		for _, t := range exact {
			if t.Schema == "" {
				return t
			}
		}
		return nil
	}
	if len(exact) == 1 {
		return exact[0]
	}
	if len(exact) == 0 && len(folded) == 1 {
		return folded[0]
	}
	return nil
}

// findColumn looks a column up exactly, then case-insensitively when that
// finds one column.
func findColumn(t *schema.Table, name string) *schema.Column {
	if c := t.Column(name); c != nil {
		return c
	}
	var found *schema.Column
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}
