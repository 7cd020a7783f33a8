package revision

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		graph   string
		target  string
		current []string
		want    []string // nil when an error is expected
		err     string
	}{
		{"linear", "head", nil, []string{"l3cccc"}, ""},
		{"linear", "heads", nil, []string{"l3cccc"}, ""},
		{"linear", "base", []string{"l3cccc"}, []string{}, ""},
		{"linear", "l2bbbb", nil, []string{"l2bbbb"}, ""},
		{"linear", " l2bbbb ", nil, []string{"l2bbbb"}, ""},
		{"linear", "l2bb", nil, []string{"l2bbbb"}, ""},
		{"linear", "l2b", nil, nil, `unknown revision "l2b" (a prefix needs at least 4 characters)`},
		{"linear", "zzzz", nil, nil, `unknown revision "zzzz"`},
		{"linear", "", nil, nil, "empty revision target"},
		{"prefix", "abcd", nil, nil, `revision prefix "abcd" is ambiguous: it matches abcd1111, abcd2222`},
		{"prefix", "abcd2", nil, []string{"abcd2222"}, ""},
		{"prefix", "abcd1111", nil, []string{"abcd1111"}, ""},
		{"branch", "head", nil, nil, `target head is ambiguous: there are 2 heads (b2, c1); use "heads" or a revision id`},
		{"branch", "heads", nil, []string{"b2", "c1"}, ""},
		{"empty", "head", nil, nil, "there are no revisions"},
		{"empty", "heads", nil, []string{}, ""},
		{"empty", "+1", nil, nil, "there are no revisions"},
		// relative to current
		{"linear", "+1", nil, []string{"l1aaaa"}, ""},
		{"linear", "+3", nil, []string{"l3cccc"}, ""},
		{"linear", "+2", []string{"l1aaaa"}, []string{"l3cccc"}, ""},
		{"linear", "+0", []string{"l1aaaa"}, []string{"l1aaaa"}, ""},
		{"linear", "+3", []string{"l1aaaa"}, nil, `relative target "+3" goes past head l3cccc after 2 step(s)`},
		{"linear", "-1", []string{"l3cccc"}, []string{"l2bbbb"}, ""},
		{"linear", "-1", []string{"l3cccc", "l1aaaa"}, []string{"l2bbbb"}, ""}, // redundant current entry
		{"linear", "-3", []string{"l3cccc"}, []string{}, ""},
		{"linear", "-4", []string{"l3cccc"}, nil, `relative target "-4" goes below base after 3 step(s)`},
		{"linear", "-1", nil, nil, "goes below base after 0 step(s)"},
		{"linear", "+x", nil, nil, `invalid relative target "+x"`},
		{"linear", "+", nil, nil, `invalid relative target "+"`},
		{"linear", "+-1", nil, nil, `invalid relative target`},
		{"linear", "+1", []string{"gone1"}, nil, "the database is at revision gone1, which is not among the revision files"},
		{"branch", "+1", []string{"b0"}, nil, `relative target "+1" is ambiguous: b0 is followed by several revisions (b1, c1)`},
		{"branch", "+1", []string{"b1"}, []string{"b2"}, ""},
		{"branch", "-1", []string{"b2", "c1"}, nil, `relative target "-1" is ambiguous: the database is at several heads (b2, c1); use <id>+N or <id>-N`},
		{"depends", "+1", nil, nil, "base is followed by several revisions (x1, y1)"},
		{"merge", "-1", []string{"mm"}, []string{"m1", "m2"}, ""},
		{"merge", "-2", []string{"mm"}, nil, `relative target "-2" is ambiguous: mm is a merge of m1, m2`},
		{"merge", "-1", []string{"m3"}, []string{"mm"}, ""},
		{"merge", "+1", []string{"m1"}, []string{"mm"}, ""},
		// relative to a named revision
		{"linear", "l1aaaa+2", []string{"l3cccc"}, []string{"l3cccc"}, ""},
		{"linear", "l1aa+1", nil, []string{"l2bbbb"}, ""},
		{"linear", "l3cccc-1", nil, []string{"l2bbbb"}, ""},
		{"linear", "l1aaaa-1", nil, []string{}, ""},
		{"linear", "l1aaaa-2", nil, nil, "goes below base after 1 step(s)"},
		{"linear", "nope+1", nil, nil, `unknown revision "nope"`},
		{"branch", "b1+1", []string{"b2", "c1"}, []string{"b2"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.graph+"/"+tt.target+"/"+strings.Join(tt.current, ","), func(t *testing.T) {
			g := graph(t, tt.graph)
			got, err := g.Resolve(tt.target, tt.current)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("Resolve = %v, want error %q", got, tt.err)
				}
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error = %q, want ErrInvalid containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve = %#v, want %#v", got, tt.want)
			}
		})
	}
}
