package op

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func strictObj(kind, name, def string, deps ...string) *schema.SQLObject {
	return &schema.SQLObject{Kind: kind, Name: name, Definition: def, Deps: deps,
		Create: []string{"CREATE " + name}, Drop: []string{"DROP " + name}}
}

func TestApplyStrictSQLObjects(t *testing.T) {
	dom := strictObj("domain", "email", "text")
	fn := strictObj("function", "f(email)", "body", schema.ObjectKey("domain", "", "", "email"))
	pol := strictObj("policy", "own", "true", schema.TableKey("", "notes"))
	pol.Table = "notes"
	base := func() *schema.Schema {
		s := strictBase()
		s.Objects = []*schema.SQLObject{dom, fn, pol}
		return s
	}
	cases := []struct {
		name string
		ops  []Op
		err  string // "" when the ops must apply
	}{
		{"create and drop in order", []Op{DropObject{Object: fn}, DropObject{Object: dom}, CreateObject{Object: dom}, CreateObject{Object: fn}}, ""},
		{"drop a needed object", []Op{DropObject{Object: dom}}, "domain email is still needed by function f(email)"},
		{"create before the dependency", []Op{DropObject{Object: fn}, DropObject{Object: dom}, CreateObject{Object: fn}}, "depends on domain email, which does not exist yet"},
		{"drop another definition", []Op{DropObject{Object: strictObj("policy", "own", "false")}}, "no policy own"},
		{"drop a changed object", []Op{DropObject{Object: func() *schema.SQLObject { p := *pol; p.Definition = "false"; return &p }()}}, "policy own on notes is not the one the operation drops"},
		{"alter from another definition", []Op{AlterObject{From: strictObj("domain", "email", "int"), To: dom}}, "domain email is not as the operation's From says"},
		{"drop a table an object needs", []Op{DropTable{Table: strictBase().Table("", "notes")}}, "table notes is still needed by policy own on notes"},
		{"create twice", []Op{CreateObject{Object: dom}}, "domain email already exists"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ApplyStrict(base(), c.ops...)
			switch {
			case c.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
				t.Fatalf("got %v, want an error containing %q", err, c.err)
			}
		})
	}
}

func TestApplySQLObjectAlterReplaces(t *testing.T) {
	s := &schema.Schema{Objects: []*schema.SQLObject{strictObj("sequence", "s", "start 1")}}
	to := strictObj("sequence", "s", "start 9")
	if err := Apply(s, AlterObject{From: s.Objects[0], To: to}); err != nil {
		t.Fatal(err)
	}
	if got := s.Objects[0].Definition; got != "start 9" {
		t.Fatalf("definition after alter = %q", got)
	}
	to.Create[0] = "changed"
	if s.Objects[0].Create[0] == "changed" {
		t.Fatal("Apply must copy the object, not share its slices")
	}
}
