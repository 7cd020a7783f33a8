package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// applyToTable applies an operation that belongs to table t.
func applyToTable(s *schema.Schema, t *schema.Table, o Op) error {
	t.SQL = "" // the kept CREATE text no longer describes the table
	switch o := o.(type) {
	case AddColumn:
		if t.Column(o.Column.Name) != nil {
			return fmt.Errorf("column %s.%s already exists", t.Name, o.Column.Name)
		}
		c := *o.Column
		t.Columns = append(t.Columns, &c)
	case DropColumn:
		if t.Column(o.Column.Name) == nil {
			return fmt.Errorf("no column %s.%s", t.Name, o.Column.Name)
		}
		applyDropColumn(t, o.Column.Name)
	case AlterColumn:
		for i, c := range t.Columns {
			if c.Name == o.From.Name {
				to := *o.To
				t.Columns[i] = &to
				return nil
			}
		}
		return fmt.Errorf("no column %s.%s", t.Name, o.From.Name)
	case RenameColumn:
		return applyRenameColumn(s, t, o.Old, o.New)
	case AlterPrimaryKey:
		if o.To == nil {
			t.PrimaryKey = nil
			return nil
		}
		for _, c := range o.To.Columns {
			if t.Column(c) == nil {
				return fmt.Errorf("primary key of %s: no column %s", t.Name, c)
			}
		}
		pk := *o.To
		pk.Columns = append([]string(nil), o.To.Columns...)
		pk.Desc = append([]string(nil), o.To.Desc...)
		t.PrimaryKey = &pk
	case AddForeignKey:
		if o.FK.Name != "" && t.HasConstraint(o.FK.Name) {
			return fmt.Errorf("constraint %s already exists on %s", o.FK.Name, t.Name)
		}
		t.ForeignKeys = append(t.ForeignKeys, applyCloneFK(o.FK))
	case DropForeignKey:
		i := applyFindFK(t, o.FK)
		if i < 0 {
			return fmt.Errorf("no foreign key %s on %s", fkLabel(o.FK), t.Name)
		}
		t.ForeignKeys = append(t.ForeignKeys[:i:i], t.ForeignKeys[i+1:]...)
	case AddUnique:
		if o.Unique.Name != "" && t.HasConstraint(o.Unique.Name) {
			return fmt.Errorf("constraint %s already exists on %s", o.Unique.Name, t.Name)
		}
		u := *o.Unique
		u.Columns = append([]string(nil), o.Unique.Columns...)
		t.Uniques = append(t.Uniques, &u)
	case DropUnique:
		i := applyFind(t.Uniques, o.Unique.Name, func(u *schema.Unique) string { return u.Name },
			func(u *schema.Unique) bool { return schema.SameColumns(u.Columns, o.Unique.Columns) })
		if i < 0 {
			return fmt.Errorf("no unique %s%v on %s", o.Unique.Name, o.Unique.Columns, t.Name)
		}
		t.Uniques = append(t.Uniques[:i:i], t.Uniques[i+1:]...)
	case AddCheck:
		if o.Check.Name != "" && t.HasConstraint(o.Check.Name) {
			return fmt.Errorf("constraint %s already exists on %s", o.Check.Name, t.Name)
		}
		c := *o.Check
		t.Checks = append(t.Checks, &c)
	case DropCheck:
		i := applyFind(t.Checks, o.Check.Name, func(c *schema.Check) string { return c.Name },
			func(c *schema.Check) bool { return applySameExpr(c.Expr, o.Check.Expr) })
		if i < 0 {
			return fmt.Errorf("no check %s (%s) on %s", o.Check.Name, o.Check.Expr, t.Name)
		}
		t.Checks = append(t.Checks[:i:i], t.Checks[i+1:]...)
	case RenameConstraint:
		return applyRenameConstraint(t, o)
	case CreateIndex:
		if t.Index(o.Index.Name) != nil {
			return fmt.Errorf("index %s already exists on %s", o.Index.Name, t.Name)
		}
		ix := *o.Index
		ix.Parts = append([]schema.IndexPart(nil), o.Index.Parts...)
		t.Indexes = append(t.Indexes, &ix)
	case DropIndex:
		if t.Index(o.Index.Name) == nil {
			return fmt.Errorf("no index %s on %s", o.Index.Name, t.Name)
		}
		t.Indexes = applyWithout(t.Indexes, func(x *schema.Index) bool { return x.Name == o.Index.Name })
	case RenameIndex:
		ix := t.Index(o.Old)
		if ix == nil {
			return fmt.Errorf("no index %s on %s", o.Old, t.Name)
		}
		if t.Index(o.New) != nil {
			return fmt.Errorf("index %s already exists on %s", o.New, t.Name)
		}
		ix.Name = o.New
		ix.SQL = "" // the kept text names the old index
	case SetTableComment:
		t.Comment = o.To
	default:
		if handled, err := applyExclusionComment(s, t, o); handled {
			return err
		}
		return fmt.Errorf("unknown operation %T", o)
	}
	return nil
}

// applyFindFK finds a key by name, or, for an unnamed key, by target
// (preferring an unnamed match, since named keys are dropped by name).
func applyFindFK(t *schema.Table, want *schema.ForeignKey) int {
	return applyFind(t.ForeignKeys, want.Name, func(fk *schema.ForeignKey) string { return fk.Name },
		func(fk *schema.ForeignKey) bool { return fk.SameTarget(want) })
}

// applyFind returns the index of the element named name, or when name is
// "" of the first element same reports (unnamed ones first); -1 if none.
func applyFind[T any](xs []T, name string, nameOf func(T) string, same func(T) bool) int {
	if name != "" {
		for i, x := range xs {
			if nameOf(x) == name {
				return i
			}
		}
		return -1
	}
	for pass := 0; pass < 2; pass++ {
		for i, x := range xs {
			if (pass == 1 || nameOf(x) == "") && same(x) {
				return i
			}
		}
	}
	return -1
}

func applySameExpr(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

func applyRenameConstraint(t *schema.Table, o RenameConstraint) error {
	if t.HasConstraint(o.New) {
		return fmt.Errorf("constraint %s already exists on %s", o.New, t.Name)
	}
	switch o.Kind {
	case schema.KindPrimaryKey:
		if t.PrimaryKey != nil && t.PrimaryKey.Name == o.Old {
			t.PrimaryKey.Name = o.New
			return nil
		}
	case schema.KindForeignKey:
		for _, fk := range t.ForeignKeys {
			if fk.Name == o.Old {
				fk.Name = o.New
				return nil
			}
		}
	case schema.KindUnique:
		for _, u := range t.Uniques {
			if u.Name == o.Old {
				u.Name = o.New
				return nil
			}
		}
	case schema.KindCheck:
		for _, c := range t.Checks {
			if c.Name == o.Old {
				c.Name = o.New
				return nil
			}
		}
	case schema.KindExclusion:
		for _, x := range t.Exclusions {
			if x.Name == o.Old {
				x.Name = o.New
				return nil
			}
		}
	default:
		return fmt.Errorf("unknown constraint kind %q", o.Kind)
	}
	return fmt.Errorf("no %s constraint %s on %s", o.Kind, o.Old, t.Name)
}
