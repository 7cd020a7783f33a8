package retort

import (
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// unmanagedCheck says what a comparison does with the unmanaged objects
// that differ: Check keeps them (into), autogenerate refuses them
// (refuse) unless told to ignore them.
type unmanagedCheck struct {
	into   *[]diff.UnmanagedDifference
	refuse bool
}

func (u unmanagedCheck) check(live, want *schema.Schema, ignore bool) error {
	d := diff.Unmanaged(live, want)
	if u.into != nil {
		*u.into = d
	}
	if len(d) > 0 && u.refuse && !ignore {
		return &diff.UnmanagedError{Differences: d}
	}
	return nil
}

// carryRenamedTables returns live as the renames in ops leave its
// unmanaged objects: those on a renamed table (an index's options) move
// to the new name, and so do the table's own (its options), named like
// the table, when the desired schema has one of that kind under the new
// name; likewise an object on a renamed column (its options), named like
// the column. Only Unmanaged differs from live; live is not changed.
func carryRenamedTables(live, want *schema.Schema, ops []op.Op) *schema.Schema {
	type at struct{ schema, table string }
	tables := map[at]string{}
	columns := map[at]map[string]string{} // by the table's new name
	for _, o := range ops {
		switch r := o.(type) {
		case op.RenameTable:
			tables[at{r.Schema, r.Old}] = r.New
		case op.RenameColumn:
			k := at{r.Table.Schema, r.Table.Name}
			if columns[k] == nil {
				columns[k] = map[string]string{}
			}
			columns[k][r.Old] = r.New
		}
	}
	if (len(tables) == 0 && len(columns) == 0) || live == nil {
		return live
	}
	wanted := map[schema.Object]bool{}
	if want != nil {
		for _, o := range want.Unmanaged {
			wanted[schema.Object{Kind: o.Kind, Schema: o.Schema, Table: o.Table, Name: o.Name}] = true
		}
	}
	out := *live
	out.Unmanaged = make([]schema.Object, len(live.Unmanaged))
	for i, o := range live.Unmanaged {
		if n, ok := tables[at{o.Schema, o.Table}]; ok && o.Table != "" {
			o.Table = n
		} else if n, ok := tables[at{o.Schema, o.Name}]; ok && o.Table == "" && wanted[schema.Object{Kind: o.Kind, Schema: o.Schema, Name: n}] {
			o.Name = n
		}
		if n, ok := columns[at{o.Schema, o.Table}][o.Name]; ok && wanted[schema.Object{Kind: o.Kind, Schema: o.Schema, Table: o.Table, Name: n}] {
			o.Name = n
		}
		out.Unmanaged[i] = o
	}
	schema.SortObjects(out.Unmanaged)
	return &out
}
