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
// name. Only Unmanaged differs from live; live is not changed.
func carryRenamedTables(live, want *schema.Schema, ops []op.Op) *schema.Schema {
	type at struct{ schema, table string }
	renamed := map[at]string{}
	for _, o := range ops {
		if r, ok := o.(op.RenameTable); ok {
			renamed[at{r.Schema, r.Old}] = r.New
		}
	}
	if len(renamed) == 0 || live == nil {
		return live
	}
	wanted := map[schema.Object]bool{}
	if want != nil {
		for _, o := range want.Unmanaged {
			wanted[schema.Object{Kind: o.Kind, Schema: o.Schema, Name: o.Name}] = true
		}
	}
	out := *live
	out.Unmanaged = make([]schema.Object, len(live.Unmanaged))
	for i, o := range live.Unmanaged {
		if n, ok := renamed[at{o.Schema, o.Table}]; ok && o.Table != "" {
			o.Table = n
		} else if n, ok := renamed[at{o.Schema, o.Name}]; ok && o.Table == "" && wanted[schema.Object{Kind: o.Kind, Schema: o.Schema, Name: n}] {
			o.Name = n
		}
		out.Unmanaged[i] = o
	}
	schema.SortObjects(out.Unmanaged)
	return &out
}
