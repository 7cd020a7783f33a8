package diff

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Only the keys Options.TableOptions lists are compared; the op carries
// each side's values of those keys, and its reverse undoes it.
func TestTableOptions(t *testing.T) {
	table := func(opts map[string]string) *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "id", Type: "int"}}, Options: opts}}}
	}
	cases := []struct {
		name     string
		keys     []string
		from, to map[string]string
		want     *op.SetTableOptions
	}{
		{"unlisted keys ignored", nil, map[string]string{"engine": "InnoDB"}, map[string]string{"engine": "Aria"}, nil},
		{"listed key changed", []string{"engine", "row_format"},
			map[string]string{"engine": "InnoDB", "other": "1"}, map[string]string{"engine": "Aria", "other": "2"},
			&op.SetTableOptions{Table: op.Ref{Name: "t"}, From: map[string]string{"engine": "InnoDB"}, To: map[string]string{"engine": "Aria"}}},
		{"listed key added", []string{"row_format"}, nil, map[string]string{"row_format": "COMPACT"},
			&op.SetTableOptions{Table: op.Ref{Name: "t"}, From: map[string]string{}, To: map[string]string{"row_format": "COMPACT"}}},
		{"listed key removed", []string{"row_format"}, map[string]string{"row_format": "COMPACT"}, map[string]string{},
			&op.SetTableOptions{Table: op.Ref{Name: "t"}, From: map[string]string{"row_format": "COMPACT"}, To: map[string]string{}}},
		{"same values", []string{"engine"}, map[string]string{"engine": "InnoDB"}, map[string]string{"engine": "InnoDB"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from, to := table(tc.from), table(tc.to)
			ops, err := Schemas(from, to, Options{TableOptions: tc.keys})
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if len(ops) != 0 {
					t.Fatalf("want no ops, got %v", ops)
				}
				return
			}
			if len(ops) != 1 || !reflect.DeepEqual(ops[0], *tc.want) {
				t.Fatalf("got %#v, want %#v", ops, *tc.want)
			}
			s := from.Clone()
			if err := op.ApplyStrict(s, ops...); err != nil {
				t.Fatal(err)
			}
			if got := s.Tables[0].Options; !sameAttrs(pick(got, tc.keys), pick(tc.to, tc.keys)) {
				t.Errorf("applied options %v, want %v", got, tc.to)
			}
			if err := op.ApplyStrict(s, op.ReverseAll(ops)...); err != nil {
				t.Fatal(err)
			}
			if got := s.Tables[0].Options; !sameAttrs(pick(got, tc.keys), pick(tc.from, tc.keys)) {
				t.Errorf("reversed options %v, want %v", got, tc.from)
			}
		})
	}
}

func pick(m map[string]string, keys []string) map[string]string {
	out := map[string]string{}
	for _, k := range keys {
		if v, ok := m[k]; ok {
			out[k] = v
		}
	}
	return out
}
