package op

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// ApplyStrict applies operations like Apply, and also refuses an
// operation a database would refuse at that point (a key on a missing
// table or without a unique key to reference, dropping what something
// else still uses, a view before the tables it names) or one whose
// Reverse would not restore the model: an AlterColumn whose From, or a
// drop whose dropped object, is not what the model holds, or a column
// dropped while keys or indexes still use it. Generated migrations must
// pass it both ways: the ops, then ReverseAll of them.
func ApplyStrict(s *schema.Schema, ops ...Op) error {
	st := strict{s: s, seen: map[string]bool{}}
	for _, t := range s.Tables {
		st.seen[strings.ToLower(t.Name)] = true
	}
	for _, v := range s.Views {
		st.seen[strings.ToLower(v.Name)] = true
	}
	for i, o := range ops {
		err := st.before(o)
		if err == nil {
			err = apply(s, o)
		}
		if err == nil {
			err = st.after(o)
		}
		if err != nil {
			return fmt.Errorf("apply op %d (%s): %w", i+1, o, err)
		}
	}
	return nil
}

// strict holds what ApplyStrict remembers across operations.
type strict struct {
	s *schema.Schema
	// seen is every table and view name the model held so far,
	// lower-cased.
	seen map[string]bool
	// views are the views created so far, with the names that existed
	// then: creating another name one of them names means the view came
	// first.
	views []createdView
}

type createdView struct {
	name    string
	def     string
	existed map[string]bool
}

// before checks o against the model as it is before o.
func (st *strict) before(o Op) error {
	switch o := o.(type) {
	case CreateView:
		return st.createView(o.View)
	case DropView:
		return st.dropView(o.View)
	case SetViewOptions:
		if v := st.s.View(o.Schema, o.Name); v != nil && v.Options != o.From {
			return fmt.Errorf("view %s has options %q, not %q as the operation says", o.Name, v.Options, o.From)
		}
	case DropTrigger:
		if tr := st.s.Trigger(o.Trigger.Schema, o.Trigger.Name); tr != nil && tr.SQL != o.Trigger.SQL {
			return fmt.Errorf("trigger %s is not the one the operation drops", o.Trigger.Name)
		}
	case DropEnum:
		return st.dropEnum(o.Enum)
	case AlterEnum:
		if e := applyEnum(st.s, o.Schema, o.Name); e != nil && !slices.Equal(e.Values, o.From) {
			return fmt.Errorf("enum %s holds %q, not %q as the operation says", o.Name, e.Values, o.From)
		}
	case SetComment:
		var t *schema.Table
		if o.On != CommentView {
			if t = st.s.Table(o.Table.Schema, o.Table.Name); t == nil {
				return nil // Apply reports the missing table
			}
		}
		if c := commentOf(st.s, t, o); c != nil && *c != o.From {
			return fmt.Errorf("comment of %s %s is %q, not %q as the operation's From says", o.On, o.Name, *c, o.From)
		}
	case CreateObject:
		return st.createObject(o.Object)
	case DropObject:
		return st.dropObject(o.Object)
	case AlterObject:
		return st.alterObject(o)
	case CreateTable, RenameTable, Execute:
	case DropTable:
		if err := st.objectUnused(schema.TableKey(o.Table.Schema, o.Table.Name), "table "+o.Table.Name); err != nil {
			return err
		}
		return st.dropTable(o.Table)
	default:
		t := st.s.Table(o.TableRef().Schema, o.TableRef().Name)
		if t == nil {
			return nil // Apply reports the missing table
		}
		return st.onTable(t, o)
	}
	return nil
}

// after checks the model o left: new keys have what they reference,
// kept keys still do, and no earlier view named what o created.
func (st *strict) after(o Op) error {
	switch o := o.(type) {
	case CreateTable:
		t := st.s.Table(o.Table.Schema, o.Table.Name)
		for _, fk := range t.ForeignKeys {
			if err := st.checkFK(t, fk); err != nil {
				return err
			}
		}
		return st.created(o.Table.Name)
	case RenameTable:
		return st.created(o.New)
	case CreateView:
		return st.created(o.View.Name)
	case AddForeignKey:
		t := st.s.Table(o.Table.Schema, o.Table.Name)
		return st.checkFK(t, t.ForeignKeys[len(t.ForeignKeys)-1])
	case AlterPrimaryKey, DropUnique, DropIndex:
		return st.stillKeyed(st.s.Table(o.TableRef().Schema, o.TableRef().Name))
	}
	return nil
}

// onTable checks an operation on table t before it runs.
func (st *strict) onTable(t *schema.Table, o Op) error {
	switch o := o.(type) {
	case DropColumn:
		if t.Column(o.Column.Name) == nil {
			return nil
		}
		return st.columnUnused(t, o.Column.Name)
	case AlterColumn:
		c := t.Column(o.From.Name)
		if c == nil {
			return nil
		}
		if !strictSameColumn(c, o.From) {
			return fmt.Errorf("column %s.%s is not as the operation's From says", t.Name, c.Name)
		}
		if strictReshapes(o.From, o.To) {
			return st.keysAvoid(t, c.Name)
		}
	case AlterPrimaryKey:
		if !strictSamePK(t.PrimaryKey, o.From) {
			return fmt.Errorf("primary key of %s is not as the operation's From says", t.Name)
		}
	case DropForeignKey:
		if i := applyFindFK(t, o.FK); i >= 0 {
			fk := t.ForeignKeys[i]
			if fk.Name != o.FK.Name || !fk.SameTarget(o.FK) || !fk.SameOptions(o.FK) {
				return fmt.Errorf("foreign key %s on %s is not the one the operation drops", fkLabel(o.FK), t.Name)
			}
		}
	case DropUnique:
		for _, u := range t.Uniques {
			if u.Name == o.Unique.Name && (u.Name != "" || schema.SameColumns(u.Columns, o.Unique.Columns)) {
				if !schema.SameColumns(u.Columns, o.Unique.Columns) || u.Deferrable != o.Unique.Deferrable || u.InitiallyDeferred != o.Unique.InitiallyDeferred {
					return fmt.Errorf("unique %s on %s is not the one the operation drops", o.Unique.Name, t.Name)
				}
				return nil
			}
		}
		return fmt.Errorf("no unique %s%v on %s", o.Unique.Name, o.Unique.Columns, t.Name)
	case DropCheck:
		for _, c := range t.Checks {
			if c.Name == o.Check.Name && (c.Name != "" || c.Expr == o.Check.Expr) {
				if c.Expr != o.Check.Expr {
					return fmt.Errorf("check %s on %s is not the one the operation drops", o.Check.Name, t.Name)
				}
				return nil
			}
		}
		return fmt.Errorf("no check %s (%s) on %s", o.Check.Name, o.Check.Expr, t.Name)
	case CreateIndex:
		for _, p := range o.Index.Parts {
			if p.Column != "" && t.Column(p.Column) == nil {
				return fmt.Errorf("index %s: no column %s.%s", o.Index.Name, t.Name, p.Column)
			}
		}
	case DropIndex:
		if ix := t.Index(o.Index.Name); ix != nil && !strictSameIndex(ix, o.Index) {
			return fmt.Errorf("index %s on %s is not the one the operation drops", o.Index.Name, t.Name)
		}
	case DropExclusion:
		for _, x := range t.Exclusions {
			if x.Name == o.Exclusion.Name && !reflect.DeepEqual(x, o.Exclusion) {
				return fmt.Errorf("exclusion constraint %s on %s is not the one the operation drops", x.Name, t.Name)
			}
		}
	case SetTableComment:
		if t.Comment != o.From {
			return fmt.Errorf("comment of %s is %q, not %q as the operation's From says", t.Name, t.Comment, o.From)
		}
	case SetTableOptions:
		for k, v := range o.From {
			if t.Options[k] != v {
				return fmt.Errorf("option %s of %s is %q, not %q as the operation's From says", k, t.Name, t.Options[k], v)
			}
		}
	}
	return nil
}
