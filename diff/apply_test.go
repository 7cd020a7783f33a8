package diff

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// sim applies operations to a schema model, refusing what a database would
// refuse, so tests can check that a diff's order is executable and that its
// reverse restores the start.
type sim struct {
	s *schema.Schema
	// universe is every table and view name of both sides, lower-cased:
	// a view may only be created once those it names exist.
	universe map[string]bool
}

func newSim(s *schema.Schema, other *schema.Schema) *sim {
	u := map[string]bool{}
	for _, x := range []*schema.Schema{s, other} {
		for _, t := range x.Tables {
			u[strings.ToLower(t.Name)] = true
		}
		for _, v := range x.Views {
			u[strings.ToLower(v.Name)] = true
		}
	}
	return &sim{s: s.Clone(), universe: u}
}

func (m *sim) applyAll(ops []op.Op) error {
	for i, o := range ops {
		if err := m.apply(o); err != nil {
			return fmt.Errorf("op %d %q: %w", i, o, err)
		}
	}
	return nil
}

func (m *sim) table(r op.Ref) (*schema.Table, error) {
	if t := m.s.Table(r.Schema, r.Name); t != nil {
		return t, nil
	}
	return nil, fmt.Errorf("no table %s", r)
}

// referencing lists keys in any table that reference table r.
func (m *sim) referencing(r op.Ref) (out []*schema.ForeignKey, owners []*schema.Table) {
	for _, t := range m.s.Tables {
		for _, fk := range t.ForeignKeys {
			if refKey(t, fk) == (tkey{r.Schema, r.Name}) {
				out = append(out, fk)
				owners = append(owners, t)
			}
		}
	}
	return
}

// hasKey reports whether t has a primary key, unique or unique index over
// exactly cols, as PostgreSQL requires of a referenced column list.
func hasKey(t *schema.Table, cols []string) bool {
	var keys [][]string
	if t.PrimaryKey != nil {
		keys = append(keys, t.PrimaryKey.Columns)
	}
	for _, u := range t.Uniques {
		keys = append(keys, u.Columns)
	}
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Where == "" {
			if c := indexColumns(ix); c != nil {
				keys = append(keys, c)
			}
		}
	}
	for _, k := range keys {
		if len(k) == len(cols) && keyCovers([][]string{k}, cols) {
			return true
		}
	}
	return false
}

func (m *sim) checkFK(owner *schema.Table, fk *schema.ForeignKey) error {
	for _, c := range fk.Columns {
		if owner.Column(c) == nil {
			return fmt.Errorf("fk %s: no column %s", fk.Name, c)
		}
	}
	k := refKey(owner, fk)
	ref := m.s.Table(k.schema, k.name)
	if k == keyOf(owner) {
		ref = owner
	}
	if ref == nil {
		return fmt.Errorf("fk %s: referenced table %s missing", fk.Name, fk.RefTable)
	}
	for _, c := range fk.RefColumns {
		if ref.Column(c) == nil {
			return fmt.Errorf("fk %s: referenced column %s.%s missing", fk.Name, fk.RefTable, c)
		}
	}
	if !hasKey(ref, fk.RefColumns) {
		return fmt.Errorf("fk %s: no key on %s%v", fk.Name, fk.RefTable, fk.RefColumns)
	}
	return nil
}

// reliedOn reports a key of another table (or t itself) that uses the
// columns cols of t, either side.
func (m *sim) reliedOn(t *schema.Table, cols []string) error {
	set := colSet{}
	set.add(cols...)
	for _, fk := range t.ForeignKeys {
		if set.hitsAny(fk.Columns) {
			return fmt.Errorf("foreign key %s uses it", fk.Name)
		}
	}
	fks, _ := m.referencing(op.RefOf(t))
	for _, fk := range fks {
		if set.hitsAny(fk.RefColumns) {
			return fmt.Errorf("foreign key %s references it", fk.Name)
		}
	}
	return nil
}

func (m *sim) viewsNaming(name string, except string) error {
	for _, v := range m.s.Views {
		if v.Name != except && words(v.Def)[strings.ToLower(name)] {
			return fmt.Errorf("view %s depends on %s", v.Name, name)
		}
	}
	return nil
}

func (m *sim) apply(o op.Op) error {
	switch o := o.(type) {
	case op.CreateTable:
		if m.s.Table(o.Table.Schema, o.Table.Name) != nil {
			return fmt.Errorf("exists")
		}
		t := o.Table.Clone()
		m.s.Tables = append(m.s.Tables, t)
		for _, fk := range t.ForeignKeys {
			if err := m.checkFK(t, fk); err != nil {
				m.s.Tables = m.s.Tables[:len(m.s.Tables)-1]
				return err
			}
		}
	case op.DropTable:
		t, err := m.table(op.RefOf(o.Table))
		if err != nil {
			return err
		}
		if len(t.ForeignKeys) != len(o.Table.ForeignKeys) {
			return fmt.Errorf("dropped table carries %d keys, has %d", len(o.Table.ForeignKeys), len(t.ForeignKeys))
		}
		fks, owners := m.referencing(op.RefOf(t))
		for i, fk := range fks {
			if owners[i] != t {
				return fmt.Errorf("still referenced by %s.%s", owners[i].Name, fk.Name)
			}
		}
		if err := m.viewsNaming(t.Name, ""); err != nil {
			return err
		}
		m.s.Tables = removeTable(m.s.Tables, t)
	case op.RenameTable:
		// Databases rewrite (or, MySQL, invalidate) views naming the
		// table; the diff drops and recreates those whose text differs.
		return op.Apply(m.s, o) // refuses a missing table or a taken name
	case op.RenameColumn:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.Column(o.Old) == nil || t.Column(o.New) != nil {
			return fmt.Errorf("no column %s, or %s is taken", o.Old, o.New)
		}
		return op.Apply(m.s, o)
	case op.AddColumn:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.Column(o.Column.Name) != nil {
			return fmt.Errorf("column exists")
		}
		t.Columns = append(t.Columns, o.Column)
	case op.DropColumn:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.Column(o.Column.Name) == nil {
			return fmt.Errorf("no column")
		}
		if err := m.reliedOn(t, []string{o.Column.Name}); err != nil {
			return err
		}
		if t.PrimaryKey != nil && colSetOf(t.PrimaryKey.Columns).hitsAny([]string{o.Column.Name}) {
			return fmt.Errorf("column in primary key")
		}
		for _, ix := range t.Indexes {
			if colSetOf(indexColumns(ix)).hitsAny([]string{o.Column.Name}) {
				return fmt.Errorf("index %s uses column", ix.Name)
			}
		}
		for _, u := range t.Uniques {
			if colSetOf(u.Columns).hitsAny([]string{o.Column.Name}) {
				return fmt.Errorf("unique uses column")
			}
		}
		t.Columns = removeColumn(t.Columns, o.Column.Name)
	case op.AlterColumn:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		c := t.Column(o.From.Name)
		if c == nil || !sameColumn(c, o.From) {
			return fmt.Errorf("column is not as From says")
		}
		if reshapes(o.From, o.To) {
			if err := m.reliedOn(t, []string{c.Name}); err != nil {
				return err
			}
		}
		for i := range t.Columns {
			if t.Columns[i].Name == c.Name {
				t.Columns[i] = o.To
			}
		}
	case op.AlterPrimaryKey:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if !samePrimaryKey(t.PrimaryKey, o.From) {
			return fmt.Errorf("primary key is not as From says")
		}
		if o.To != nil {
			for _, c := range o.To.Columns {
				if t.Column(c) == nil {
					return fmt.Errorf("no column %s for key", c)
				}
			}
		}
		t.PrimaryKey = o.To
		return m.stillKeyed(t)
	case op.AddForeignKey:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if o.FK.Name != "" && t.HasConstraint(o.FK.Name) {
			return fmt.Errorf("name %s taken", o.FK.Name)
		}
		if err := m.checkFK(t, o.FK); err != nil {
			return err
		}
		t.ForeignKeys = append(t.ForeignKeys, o.FK)
	case op.DropForeignKey:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		for i, fk := range t.ForeignKeys {
			if (o.FK.Name != "" && fk.Name == o.FK.Name) || (o.FK.Name == "" && fk.Name == "" && fk.SameTarget(o.FK)) {
				if !fk.SameTarget(o.FK) || !fk.SameOptions(o.FK) {
					return fmt.Errorf("key differs from the one dropped")
				}
				t.ForeignKeys = append(t.ForeignKeys[:i:i], t.ForeignKeys[i+1:]...)
				return nil
			}
		}
		return fmt.Errorf("no such key")
	case op.AddUnique:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if o.Unique.Name != "" && t.HasConstraint(o.Unique.Name) {
			return fmt.Errorf("bad or taken name %q", o.Unique.Name)
		}
		t.Uniques = append(t.Uniques, o.Unique)
	case op.DropUnique:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		for i, u := range t.Uniques {
			if (o.Unique.Name != "" && u.Name == o.Unique.Name) || (o.Unique.Name == "" && u.Name == "" && schema.SameColumns(u.Columns, o.Unique.Columns)) {
				if !schema.SameColumns(u.Columns, o.Unique.Columns) || !sameUniqueOptions(u, o.Unique) {
					return fmt.Errorf("unique differs")
				}
				t.Uniques = append(t.Uniques[:i:i], t.Uniques[i+1:]...)
				return m.stillKeyed(t)
			}
		}
		return fmt.Errorf("no such unique")
	case op.AddCheck:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if o.Check.Name != "" && t.HasConstraint(o.Check.Name) {
			return fmt.Errorf("bad or taken name %q", o.Check.Name)
		}
		t.Checks = append(t.Checks, o.Check)
	case op.DropCheck:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		for i, c := range t.Checks {
			if (o.Check.Name != "" && c.Name == o.Check.Name) || (o.Check.Name == "" && c.Name == "" && c.Expr == o.Check.Expr) {
				if c.Expr != o.Check.Expr {
					return fmt.Errorf("check differs")
				}
				t.Checks = append(t.Checks[:i:i], t.Checks[i+1:]...)
				return nil
			}
		}
		return fmt.Errorf("no such check")
	case op.RenameConstraint:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.HasConstraint(o.New) {
			return fmt.Errorf("name %s taken", o.New)
		}
		return renameConstraint(t, string(o.Kind), o.Old, o.New)
	case op.CreateIndex:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.Index(o.Index.Name) != nil {
			return fmt.Errorf("index exists")
		}
		for _, c := range indexColumns(o.Index) {
			if t.Column(c) == nil {
				return fmt.Errorf("no column %s", c)
			}
		}
		t.Indexes = append(t.Indexes, o.Index)
	case op.DropIndex:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		ix := t.Index(o.Index.Name)
		if ix == nil || !sameIndex(ix, o.Index) {
			return fmt.Errorf("index missing or different")
		}
		t.Indexes = removeIndex(t.Indexes, ix.Name)
		return m.stillKeyed(t)
	case op.RenameIndex:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		ix := t.Index(o.Old)
		if ix == nil || t.Index(o.New) != nil {
			return fmt.Errorf("cannot rename index")
		}
		c := *ix
		c.Name = o.New
		t.Indexes = append(removeIndex(t.Indexes, o.Old), &c)
	case op.SetTableComment:
		t, err := m.table(o.Table)
		if err != nil {
			return err
		}
		if t.Comment != o.From {
			return fmt.Errorf("comment is not as From says")
		}
		t.Comment = o.To
	case op.CreateView:
		if m.s.View(o.View.Schema, o.View.Name) != nil {
			return fmt.Errorf("view exists")
		}
		for w := range words(o.View.Def) {
			if m.universe[w] && !m.exists(w) && w != strings.ToLower(o.View.Name) {
				return fmt.Errorf("view names %s, which does not exist yet", w)
			}
		}
		m.s.Views = append(m.s.Views, o.View)
	case op.DropView:
		v := m.s.View(o.View.Schema, o.View.Name)
		if v == nil || v.Def != o.View.Def {
			return fmt.Errorf("view missing or different")
		}
		if err := m.viewsNaming(v.Name, v.Name); err != nil {
			return err
		}
		for _, tr := range m.s.Triggers {
			if tr.Table == v.Name {
				return fmt.Errorf("trigger %s still on the view", tr.Name)
			}
		}
		views := m.s.Views[:0:0]
		for _, x := range m.s.Views {
			if x != v {
				views = append(views, x)
			}
		}
		m.s.Views = views
	case op.CreateTrigger:
		if m.s.Trigger(o.Trigger.Schema, o.Trigger.Name) != nil {
			return fmt.Errorf("trigger exists")
		}
		if !m.exists(strings.ToLower(o.Trigger.Table)) {
			return fmt.Errorf("trigger's table %s missing", o.Trigger.Table)
		}
		m.s.Triggers = append(m.s.Triggers, o.Trigger)
	case op.DropTrigger:
		tr := m.s.Trigger(o.Trigger.Schema, o.Trigger.Name)
		if tr == nil || tr.SQL != o.Trigger.SQL {
			return fmt.Errorf("trigger missing or different")
		}
		var keep []*schema.Trigger
		for _, x := range m.s.Triggers {
			if x != tr {
				keep = append(keep, x)
			}
		}
		m.s.Triggers = keep
	case op.CreateEnum:
		if m.enum(o.Enum.Schema, o.Enum.Name) != nil {
			return fmt.Errorf("enum exists")
		}
		m.s.Enums = append(m.s.Enums, o.Enum)
	case op.DropEnum:
		e := m.enum(o.Enum.Schema, o.Enum.Name)
		if e == nil || !equalStrings(e.Values, o.Enum.Values) {
			return fmt.Errorf("enum missing or different")
		}
		for _, t := range m.s.Tables {
			for _, c := range t.Columns {
				if strings.EqualFold(c.Type, e.Name) {
					return fmt.Errorf("column %s.%s uses the enum", t.Name, c.Name)
				}
			}
		}
		var keep []*schema.Enum
		for _, x := range m.s.Enums {
			if x != e {
				keep = append(keep, x)
			}
		}
		m.s.Enums = keep
	case op.AlterEnum:
		e := m.enum(o.Schema, o.Name)
		if e == nil || !equalStrings(e.Values, o.From) {
			return fmt.Errorf("enum missing or different")
		}
		c := *e
		c.Values = o.To
		for i, x := range m.s.Enums {
			if x == e {
				m.s.Enums[i] = &c
			}
		}
	default:
		return fmt.Errorf("unexpected op %T", o)
	}
	return nil
}

func (m *sim) exists(lowerName string) bool {
	for _, t := range m.s.Tables {
		if strings.ToLower(t.Name) == lowerName {
			return true
		}
	}
	for _, v := range m.s.Views {
		if strings.ToLower(v.Name) == lowerName {
			return true
		}
	}
	return false
}

func (m *sim) enum(sch, name string) *schema.Enum {
	for _, e := range m.s.Enums {
		if e.Schema == sch && e.Name == name {
			return e
		}
	}
	return nil
}

// stillKeyed fails when a key referencing t lost the key it relies on.
func (m *sim) stillKeyed(t *schema.Table) error {
	fks, owners := m.referencing(op.RefOf(t))
	for i, fk := range fks {
		if err := m.checkFK(owners[i], fk); err != nil {
			return err
		}
	}
	return nil
}

func renameConstraint(t *schema.Table, kind, old, new string) error {
	switch kind {
	case "fk":
		for i, fk := range t.ForeignKeys {
			if fk.Name == old {
				c := *fk
				c.Name = new
				t.ForeignKeys[i] = &c
				return nil
			}
		}
	case "uq":
		for i, u := range t.Uniques {
			if u.Name == old {
				c := *u
				c.Name = new
				t.Uniques[i] = &c
				return nil
			}
		}
	case "ck":
		for i, ck := range t.Checks {
			if ck.Name == old {
				c := *ck
				c.Name = new
				t.Checks[i] = &c
				return nil
			}
		}
	}
	return fmt.Errorf("no %s constraint %s", kind, old)
}

func colSetOf(cols []string) colSet {
	s := colSet{}
	s.add(cols...)
	return s
}

func removeTable(ts []*schema.Table, t *schema.Table) []*schema.Table {
	var out []*schema.Table
	for _, x := range ts {
		if x != t {
			out = append(out, x)
		}
	}
	return out
}

func removeColumn(cs []*schema.Column, name string) []*schema.Column {
	var out []*schema.Column
	for _, c := range cs {
		if c.Name != name {
			out = append(out, c)
		}
	}
	return out
}

func removeIndex(ix []*schema.Index, name string) []*schema.Index {
	var out []*schema.Index
	for _, x := range ix {
		if x.Name != name {
			out = append(out, x)
		}
	}
	return out
}
