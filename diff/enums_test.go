package diff

import (
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestEnumValueOrder: added values come before the column changes that
// may use them, removed ones after the changes that stop using them, and
// views over a column of an enum that loses or reorders values are
// recreated around it; the downgrade is the same plan reversed.
func TestEnumValueOrder(t *testing.T) {
	feel := func(values []string, def string, views ...*schema.View) *schema.Schema {
		return with(blog(), func(s *schema.Schema) {
			s.Enums = []*schema.Enum{{Name: "mood", Values: values}}
			c := col("feel mood null")
			c.Default = str(def)
			tbl(s, "notes").Columns = append(tbl(s, "notes").Columns, c)
			s.Views = views
		})
	}
	glad := &schema.View{Name: "glad", Def: "SELECT id FROM notes WHERE feel = 'ok'::mood"}
	other := &schema.View{Name: "other", Def: "SELECT id FROM users"}
	tests := []struct {
		name     string
		from, to *schema.Schema
		want     string
	}{
		{"value added: before the columns", feel([]string{"sad"}, "'sad'::mood"), feel([]string{"sad", "ok"}, "'ok'::mood"),
			"~ alter enum mood: (sad) => (sad, ok)\n~ alter column notes.feel: default 'sad'::mood => 'ok'::mood\n"},
		{"value removed: after the columns, views over them recreated", feel([]string{"sad", "ok"}, "'sad'::mood", glad, other), feel([]string{"ok"}, "'ok'::mood", glad, other),
			"- drop view glad\n~ alter column notes.feel: default 'sad'::mood => 'ok'::mood\n~ alter enum mood: (sad, ok) => (ok); removes 'sad' (data loss: the upgrade fails while a row holds it)\n+ create view glad\n"},
		{"values reordered: views recreated", feel([]string{"sad", "ok"}, "'ok'::mood", glad), feel([]string{"ok", "sad"}, "'ok'::mood", glad),
			"- drop view glad\n~ alter enum mood: (sad, ok) => (ok, sad)\n+ create view glad\n"},
		{"value added and removed: split around the columns", feel([]string{"sad", "ok"}, "'sad'::mood"), feel([]string{"happy", "ok"}, "'happy'::mood"),
			"~ alter enum mood: (sad, ok) => (sad, ok, happy)\n~ alter column notes.feel: default 'sad'::mood => 'happy'::mood\n~ alter enum mood: (sad, ok, happy) => (happy, ok); removes 'sad' (data loss: the upgrade fails while a row holds it)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ops := diffAndCheck(t, tc.from, tc.to, Options{})
			if got := Describe(ops); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			// The downgrade reverses the plan and reaches the live schema.
			back := tc.to.Clone()
			if err := op.Apply(back, op.ReverseAll(ops)...); err != nil {
				t.Fatalf("downgrade does not apply: %v", err)
			}
			if again := diffAndCheck(t, back, tc.from, Options{}); len(again) > 0 {
				t.Errorf("downgrade leaves differences: %s", Describe(again))
			}
		})
	}
}
