package schema

import (
	"reflect"
	"testing"
)

func TestCloneKeepsZeroValuePointersAndIsDeep(t *testing.T) {
	empty := ""
	s := &Schema{Tables: []*Table{{
		Name: "t",
		Columns: []*Column{
			{Name: "a", Type: "TEXT", Default: &empty, Generated: &Generated{}},
			{Name: "b", Type: "INT", Attrs: map[string]string{"unsigned": "true"}},
		},
		ForeignKeys: []*ForeignKey{{Columns: []string{"a"}, RefTable: "u", RefColumns: []string{"id"}, OnDelete: Cascade}},
	}}}
	c := s.Clone()
	if !reflect.DeepEqual(s, c) {
		t.Fatalf("clone differs:\n%#v\n%#v", s.Tables[0], c.Tables[0])
	}
	if c.Tables[0].Columns[0].Default == nil || *c.Tables[0].Columns[0].Default != "" || c.Tables[0].Columns[0].Generated == nil {
		t.Fatal("clone lost a pointer to a zero value")
	}
	c.Tables[0].ForeignKeys[0].Columns[0] = "changed"
	c.Tables[0].Columns[1].Attrs["unsigned"] = "false"
	if s.Tables[0].ForeignKeys[0].Columns[0] != "a" || s.Tables[0].Columns[1].Attrs["unsigned"] != "true" {
		t.Fatal("clone shares memory with the original")
	}
	if tc := s.Tables[0].Clone(); !reflect.DeepEqual(tc, s.Tables[0]) {
		t.Fatal("table clone differs")
	}
}
