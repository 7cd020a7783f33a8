package diff

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func names(ts []*schema.Table) string {
	var n []string
	for _, t := range ts {
		n = append(n, t.QualifiedName())
	}
	return strings.Join(n, " ")
}

func TestTopoSortTables(t *testing.T) {
	mk := func(name string, refs ...string) *schema.Table {
		t := table(name, "id integer")
		for _, r := range refs {
			t.ForeignKeys = append(t.ForeignKeys, fk(name+"_"+r, "id", r, "id"))
		}
		return t
	}
	cases := []struct {
		name   string
		tables []*schema.Table
		order  string
		cyclic string
	}{
		{"empty", nil, "", ""},
		{"name order when unrelated", []*schema.Table{mk("c"), mk("a"), mk("b")}, "a b c", ""},
		{"parents first", []*schema.Table{mk("a", "b"), mk("b", "c"), mk("c")}, "c b a", ""},
		{"self reference", []*schema.Table{mk("a", "a"), mk("b", "a")}, "a b", ""},
		{"outside references ignored", []*schema.Table{mk("a", "zz")}, "a", ""},
		{"two-cycle", []*schema.Table{mk("b", "a"), mk("a", "b")}, "b a", "b_a"},
		{"three-cycle with a tail", []*schema.Table{mk("a", "b"), mk("b", "c"), mk("c", "a"), mk("d", "c")}, "c b a d", "c_a"},
		{"diamond", []*schema.Table{mk("d", "b", "c"), mk("b", "a"), mk("c", "a"), mk("a")}, "a b c d", ""},
		{"two keys to one parent", []*schema.Table{mk("b", "a", "a"), mk("a")}, "a b", ""},
		{"schemas sort first", []*schema.Table{{Schema: "z", Name: "a"}, {Schema: "a", Name: "z"}}, "a.z z.a", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			order, cyclic := TopoSortTables(tc.tables)
			var cy []string
			for _, k := range cyclic {
				cy = append(cy, k.Name)
			}
			if names(order) != tc.order || strings.Join(cy, " ") != tc.cyclic {
				t.Errorf("got order %q cyclic %q, want %q %q", names(order), strings.Join(cy, " "), tc.order, tc.cyclic)
			}
			// Every non-cyclic key points backwards in the order.
			pos := map[tkey]int{}
			for i, x := range order {
				pos[keyOf(x)] = i
			}
			skip := map[*schema.ForeignKey]bool{}
			for _, k := range cyclic {
				skip[k] = true
			}
			for i, x := range order {
				for _, k := range x.ForeignKeys {
					if j, ok := pos[refKey(x, k)]; ok && !skip[k] && j > i {
						t.Errorf("%s comes before its parent %s", x.Name, k.RefTable)
					}
				}
			}
		})
	}
}

func TestValidate(t *testing.T) {
	dupTable := &schema.Schema{Tables: []*schema.Table{table("a"), table("a")}}
	dupCol := &schema.Schema{Tables: []*schema.Table{table("a", "x int", "x int")}}
	dupIx := &schema.Schema{Tables: []*schema.Table{{Name: "a", Indexes: []*schema.Index{{Name: "i"}, {Name: "i"}}}}}
	badFK := &schema.Schema{Tables: []*schema.Table{{Name: "a", ForeignKeys: []*schema.ForeignKey{fk("k", "x,y", "b", "id")}}}}
	nilT := &schema.Schema{Tables: []*schema.Table{nil}}
	dupView := &schema.Schema{Views: []*schema.View{{Name: "v"}, {Name: "v"}}}
	dupTrig := &schema.Schema{Triggers: []*schema.Trigger{{Name: "t"}, {Name: "t"}}}
	dupEnum := &schema.Schema{Enums: []*schema.Enum{{Name: "e"}, {Name: "e"}}}
	for _, tc := range []struct {
		from, to *schema.Schema
		want     string
	}{
		{dupTable, nil, "diff: table a appears twice in the live schema"},
		{nil, dupTable, "diff: table a appears twice in the desired schema"},
		{nil, dupCol, "diff: column x appears twice in table a of the desired schema"},
		{nil, dupIx, "diff: index i appears twice on table a of the desired schema"},
		{nil, badFK, "diff: foreign key k on table a of the desired schema has 2 columns referencing 1"},
		{nilT, nil, "diff: the live schema has a nil table"},
		{nil, dupView, "diff: view v appears twice in the desired schema"},
		{nil, dupTrig, "diff: trigger t appears twice in the desired schema"},
		{nil, dupEnum, "diff: enum e appears twice in the desired schema"},
	} {
		_, err := Schemas(tc.from, tc.to, Options{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
