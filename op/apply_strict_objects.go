package op

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// createView refuses a view that names a table or view the model held
// earlier but no longer does, and remembers which names did not exist,
// so creating one of them later is refused too (the view came first).
func (st *strict) createView(v *schema.View) error {
	if st.s.View(v.Schema, v.Name) != nil {
		return nil // Apply reports it
	}
	self := strings.ToLower(v.Name)
	existed := map[string]bool{}
	for n := range st.seen {
		switch {
		case st.exists(n):
			existed[n] = true
		case n != self && applyMentions(v.Def, n):
			return fmt.Errorf("view %s names %s, which no longer exists", v.Name, n)
		}
	}
	st.views = append(st.views, createdView{name: self, def: v.Def, existed: existed})
	return nil
}

// created records a new table or view name, refusing it when a view
// created earlier names it.
func (st *strict) created(name string) error {
	n := strings.ToLower(name)
	st.seen[n] = true
	for _, v := range st.views {
		if v.name != n && !v.existed[n] && applyMentions(v.def, n) {
			return fmt.Errorf("view %s names %s, which is created only after it", v.name, name)
		}
	}
	return nil
}

// exists reports whether a table or view has the lower-cased name n.
func (st *strict) exists(n string) bool {
	for _, t := range st.s.Tables {
		if strings.ToLower(t.Name) == n {
			return true
		}
	}
	for _, v := range st.s.Views {
		if strings.ToLower(v.Name) == n {
			return true
		}
	}
	return false
}

// dropView refuses to drop a view other than the one the operation
// carries, or one another view or a trigger still uses.
func (st *strict) dropView(d *schema.View) error {
	v := st.s.View(d.Schema, d.Name)
	if v == nil {
		return nil
	}
	if v.Def != d.Def {
		return fmt.Errorf("view %s is not the one the operation drops", d.Name)
	}
	if err := st.viewsNaming(v.Name, v.Name); err != nil {
		return err
	}
	for _, tr := range st.s.Triggers {
		if tr.Schema == v.Schema && tr.Table == v.Name {
			return fmt.Errorf("view %s still has trigger %s", v.Name, tr.Name)
		}
	}
	return nil
}

// viewsNaming refuses when a view other than except names name.
func (st *strict) viewsNaming(name, except string) error {
	for _, v := range st.s.Views {
		if v.Name != except && applyMentions(v.Def, name) {
			return fmt.Errorf("view %s depends on %s", v.Name, name)
		}
	}
	return nil
}

// dropEnum refuses to drop an enum other than the one the operation
// carries, or one a column still uses.
func (st *strict) dropEnum(d *schema.Enum) error {
	e := applyEnum(st.s, d.Schema, d.Name)
	if e == nil {
		return nil
	}
	if !slices.Equal(e.Values, d.Values) {
		return fmt.Errorf("enum %s holds %q, not %q as the operation says", d.Name, e.Values, d.Values)
	}
	for _, t := range st.s.Tables {
		for _, c := range t.Columns {
			if strings.EqualFold(c.Type, e.Name) {
				return fmt.Errorf("enum %s is still the type of column %s.%s", e.Name, t.Name, c.Name)
			}
		}
	}
	return nil
}

// strictSameColumn reports whether two column definitions are equal.
func strictSameColumn(a, b *schema.Column) bool { return reflect.DeepEqual(a, b) }

// strictReshapes reports a change to what a column stores (type,
// collation, generation, dialect attributes), which databases refuse
// while a foreign key uses the column.
func strictReshapes(a, b *schema.Column) bool {
	return !strings.EqualFold(a.Type, b.Type) || a.Collation != b.Collation ||
		!reflect.DeepEqual(a.Generated, b.Generated) || !strictSameAttrs(a.Attrs, b.Attrs)
}

// strictSameAttrs compares attribute maps; nil equals empty.
func strictSameAttrs(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// strictSamePK compares primary keys by columns; nil equals no columns.
func strictSamePK(a, b *schema.PrimaryKey) bool {
	if a == nil || len(a.Columns) == 0 || b == nil || len(b.Columns) == 0 {
		return (a == nil || len(a.Columns) == 0) && (b == nil || len(b.Columns) == 0)
	}
	return schema.SameColumns(a.Columns, b.Columns)
}

// strictSameIndex compares index definitions apart from the kept SQL.
func strictSameIndex(a, b *schema.Index) bool {
	x, y := *a, *b
	x.SQL, y.SQL = "", ""
	return reflect.DeepEqual(x, y)
}
