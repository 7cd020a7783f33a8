package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

// A view whose check option or dialect options change is created again,
// as when its definition changes; equal options are no change.
func TestViewOptions(t *testing.T) {
	view := func(check, opts string) *schema.Schema {
		return with(blog(), func(s *schema.Schema) {
			s.Views = append(s.Views, &schema.View{Name: "v", Def: "select id from users", CheckOption: check, Options: opts})
		})
	}
	recreate := []string{"drop view v", "create view v"}
	runCases(t, []diffCase{
		{"same options", view("LOCAL", "ALGORITHM=MERGE"), view("LOCAL", "ALGORITHM=MERGE"), nil},
		{"check option added", view("", ""), view("CASCADED", ""), recreate},
		{"check option narrowed", view("CASCADED", ""), view("LOCAL", ""), recreate},
		{"options changed", view("", "SQL SECURITY INVOKER"), view("", ""), recreate},
	})
}
