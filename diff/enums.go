package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// enumAppends reports whether to keeps every value of from in from's
// order, so values are only added (ALTER TYPE ... ADD VALUE).
func enumAppends(from, to []string) bool {
	j := 0
	for _, v := range to {
		if j < len(from) && from[j] == v {
			j++
		}
	}
	return j == len(from)
}

// alterEnum emits a value change. Added values come before the column
// changes that may start using them; removed (or reordered) values,
// which the dialect may do by rebuilding the type, come after the column
// changes that stop using them. A change that does both is split in two,
// so the reverse (the downgrade) is in a valid order too.
func (d *differ) alterEnum(old, e *schema.Enum) {
	if enumAppends(old.Values, e.Values) {
		d.p.enums = append(d.p.enums, op.AlterEnum{Schema: e.Schema, Name: e.Name, From: old.Values, To: e.Values})
		return
	}
	from := old.Values
	var added []string
	for _, v := range e.Values {
		if !slices.Contains(from, v) {
			added = append(added, v)
		}
	}
	if len(added) > 0 {
		grown := append(slices.Clone(from), added...)
		d.p.enums = append(d.p.enums, op.AlterEnum{Schema: e.Schema, Name: e.Name, From: from, To: grown})
		from = grown
	}
	d.p.enumsLate = append(d.p.enumsLate, op.AlterEnum{Schema: e.Schema, Name: e.Name, From: from, To: e.Values})
}

// enumRebuildTables returns the live tables (lower-cased names) with a
// column of an enum that loses or reorders values: a dialect may rebuild
// the type and retype those columns, which views over them do not allow.
func (d *differ) enumRebuildTables() map[string]bool {
	rebuilt := map[string]bool{}
	for _, e := range d.to.Enums {
		for _, old := range d.from.Enums {
			if old.Schema == e.Schema && old.Name == e.Name && !enumAppends(old.Values, e.Values) {
				rebuilt[strings.ToLower(e.Name)] = true
			}
		}
	}
	tables := map[string]bool{}
	if len(rebuilt) == 0 {
		return tables
	}
	for _, t := range d.from.Tables {
		for _, c := range t.Columns {
			for w := range words(c.Type) {
				if rebuilt[w] {
					tables[strings.ToLower(t.Name)] = true
				}
			}
		}
	}
	return tables
}
