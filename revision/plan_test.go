package revision

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// simulate applies plan one step at a time with the heads bookkeeping, as
// the runner does, and returns the heads recorded at the end.
func simulate(g *Graph, current []string, plan []*Revision, up bool) []string {
	heads := current
	for _, r := range plan {
		if up {
			heads = g.HeadsAfterUpgrade(heads, r)
		} else {
			heads = g.HeadsAfterDowngrade(heads, r)
		}
	}
	return heads
}

func TestUpgradePlan(t *testing.T) {
	tests := []struct {
		graph     string
		current   []string
		target    string
		want      []string
		wantHeads []string
		err       string
	}{
		{graph: "linear", target: "head", want: []string{"l1aaaa", "l2bbbb", "l3cccc"}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", current: []string{"l1aaaa"}, target: "head", want: []string{"l2bbbb", "l3cccc"}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", current: []string{"l3cccc"}, target: "head", want: []string{}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", target: "l2bb", want: []string{"l1aaaa", "l2bbbb"}, wantHeads: []string{"l2bbbb"}},
		{graph: "linear", current: []string{"l1aaaa"}, target: "+1", want: []string{"l2bbbb"}, wantHeads: []string{"l2bbbb"}},
		{graph: "linear", current: []string{"l3cccc"}, target: "l1aaaa", want: []string{}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", current: []string{"l3cccc"}, target: "base", want: []string{}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", current: []string{"zzzz"}, target: "head", err: "the database is at revision zzzz, which is not among the revision files"},
		{graph: "linear", target: "nope", err: `unknown revision "nope"`},
		// A bare -N only ever goes down; resolved, it is already applied.
		{graph: "linear", current: []string{"l3cccc"}, target: "-1", err: "-1 is a downgrade target; use downgrade -1"},
		{graph: "linear", current: []string{"l2bbbb"}, target: " -2 ", err: "-2 is a downgrade target; use downgrade -2"},
		{graph: "linear", current: []string{"l1aaaa"}, target: "l3cccc-1", want: []string{"l2bbbb"}, wantHeads: []string{"l2bbbb"}},
		// branches: one branch head leaves the other unapplied
		{graph: "branch", target: "head", err: "target head is ambiguous"},
		{graph: "branch", target: "heads", want: []string{"b0", "b1", "c1", "b2"}, wantHeads: []string{"b2", "c1"}},
		{graph: "branch", target: "b2", want: []string{"b0", "b1", "b2"}, wantHeads: []string{"b2"}},
		{graph: "branch", current: []string{"b2"}, target: "heads", want: []string{"c1"}, wantHeads: []string{"b2", "c1"}},
		{graph: "branch", current: []string{"b1"}, target: "c1", want: []string{"c1"}, wantHeads: []string{"b1", "c1"}},
		// merge / diamond
		{graph: "merge", target: "head", want: []string{"m0", "m1", "m2", "mm", "m3"}, wantHeads: []string{"m3"}},
		{graph: "merge", current: []string{"m1"}, target: "head", want: []string{"m2", "mm", "m3"}, wantHeads: []string{"m3"}},
		{graph: "merge", current: []string{"m2"}, target: "m1", want: []string{"m1"}, wantHeads: []string{"m1", "m2"}},
		{graph: "merge", current: []string{"m1", "m2"}, target: "mm", want: []string{"mm"}, wantHeads: []string{"mm"}},
		// depends-on: the dependency is applied first and stays a head
		{graph: "depends", target: "y2", want: []string{"x1", "x2", "y1", "y2"}, wantHeads: []string{"x2", "y2"}},
		{graph: "depends", current: []string{"y1"}, target: "y2", want: []string{"x1", "x2", "y2"}, wantHeads: []string{"x2", "y2"}},
		{graph: "depends", current: []string{"x2"}, target: "y1", want: []string{"y1"}, wantHeads: []string{"x2", "y1"}},
		{graph: "depends", target: "heads", want: []string{"x1", "x2", "y1", "y2"}, wantHeads: []string{"x2", "y2"}},
	}
	for _, tt := range tests {
		t.Run(tt.graph+"/"+strings.Join(tt.current, ",")+"/"+tt.target, func(t *testing.T) {
			g := graph(t, tt.graph)
			plan, err := g.UpgradePlan(tt.current, tt.target)
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("UpgradePlan = %v, %v; want ErrInvalid containing %q", ids(plan), err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(plan); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("UpgradePlan = %v, want %v", got, tt.want)
			}
			if got := simulate(g, tt.current, plan, true); !reflect.DeepEqual(got, tt.wantHeads) {
				t.Errorf("heads after = %v, want %v", got, tt.wantHeads)
			}
		})
	}
}

func TestDowngradePlan(t *testing.T) {
	tests := []struct {
		graph     string
		current   []string
		target    string
		want      []string
		wantHeads []string
		err       string
	}{
		{graph: "linear", current: []string{"l3cccc"}, target: "l1aaaa", want: []string{"l3cccc", "l2bbbb"}, wantHeads: []string{"l1aaaa"}},
		{graph: "linear", current: []string{"l3cccc"}, target: "base", want: []string{"l3cccc", "l2bbbb", "l1aaaa"}, wantHeads: []string{}},
		{graph: "linear", current: []string{"l3cccc"}, target: "-1", want: []string{"l3cccc"}, wantHeads: []string{"l2bbbb"}},
		{graph: "linear", current: []string{"l3cccc"}, target: "-3", want: []string{"l3cccc", "l2bbbb", "l1aaaa"}, wantHeads: []string{}},
		{graph: "linear", current: []string{"l3cccc"}, target: "head", want: []string{}, wantHeads: []string{"l3cccc"}},
		{graph: "linear", target: "base", want: []string{}, wantHeads: nil},
		{graph: "linear", current: []string{"l1aaaa"}, target: "l2bbbb", err: "cannot downgrade to l2bbbb: it is not applied (the database is at l1aaaa)"},
		{graph: "linear", target: "l1aaaa", err: "cannot downgrade to l1aaaa: it is not applied (the database is at base)"},
		{graph: "linear", current: []string{"gone"}, target: "base", err: "the database is at revision gone, which is not among the revision files"},
		{graph: "linear", current: []string{"l1aaaa"}, target: "+1", err: "+1 is an upgrade target; use upgrade +1"},
		{graph: "linear", target: "+1", err: "+1 is an upgrade target; use upgrade +1"},
		{graph: "linear", current: []string{"l3cccc"}, target: "l1aaaa+1", want: []string{"l3cccc"}, wantHeads: []string{"l2bbbb"}},
		// branches: other branches not descending from the target stay
		{graph: "branch", current: []string{"b2", "c1"}, target: "b0", want: []string{"b2", "c1", "b1"}, wantHeads: []string{"b0"}},
		{graph: "branch", current: []string{"b2", "c1"}, target: "b1", want: []string{"b2"}, wantHeads: []string{"b1", "c1"}},
		{graph: "branch", current: []string{"b2", "c1"}, target: "c1", want: []string{}, wantHeads: []string{"b2", "c1"}},
		{graph: "branch", current: []string{"b2", "c1"}, target: "base", want: []string{"b2", "c1", "b1", "b0"}, wantHeads: []string{}},
		{graph: "branch", current: []string{"b2", "c1"}, target: "head", err: "target head is ambiguous"},
		{graph: "branch", current: []string{"b2", "c1"}, target: "heads", want: []string{}, wantHeads: []string{"b2", "c1"}},
		{graph: "branch", current: []string{"b2"}, target: "heads", err: "cannot downgrade to c1: it is not applied (the database is at b2)"},
		// merge: reverting the merge restores its parents as heads
		{graph: "merge", current: []string{"mm"}, target: "m1", want: []string{"mm"}, wantHeads: []string{"m1", "m2"}},
		{graph: "merge", current: []string{"m3"}, target: "m2", want: []string{"m3", "mm"}, wantHeads: []string{"m1", "m2"}},
		{graph: "merge", current: []string{"m3"}, target: "-1", want: []string{"m3"}, wantHeads: []string{"mm"}},
		{graph: "merge", current: []string{"m3"}, target: "m0", want: []string{"m3", "mm", "m2", "m1"}, wantHeads: []string{"m0"}},
		{graph: "merge", current: []string{"mm"}, target: "-1", want: []string{"mm"}, wantHeads: []string{"m1", "m2"}},
		{graph: "merge", current: []string{"mm"}, target: "-2", err: "mm is a merge of m1, m2"},
		// depends-on: a dependent is reverted with its dependency
		{graph: "depends", current: []string{"x2", "y2"}, target: "x1", want: []string{"y2", "x2"}, wantHeads: []string{"x1", "y1"}},
		{graph: "depends", current: []string{"x2", "y2"}, target: "y1", want: []string{"y2"}, wantHeads: []string{"x2", "y1"}},
		// y2 descends from x2 through depends-on, so it goes too.
		{graph: "depends", current: []string{"y2"}, target: "x2", want: []string{"y2"}, wantHeads: []string{"x2", "y1"}},
	}
	for _, tt := range tests {
		t.Run(tt.graph+"/"+strings.Join(tt.current, ",")+"/"+tt.target, func(t *testing.T) {
			g := graph(t, tt.graph)
			plan, err := g.DowngradePlan(tt.current, tt.target)
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("DowngradePlan = %v, %v; want ErrInvalid containing %q", ids(plan), err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(plan); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DowngradePlan = %v, want %v", got, tt.want)
			}
			got := simulate(g, tt.current, plan, false)
			if len(got) != 0 || len(tt.wantHeads) != 0 {
				if !reflect.DeepEqual(got, tt.wantHeads) {
					t.Errorf("heads after = %v, want %v", got, tt.wantHeads)
				}
			}
			// What stays applied is exactly the target's closure plus
			// branches that do not descend from it.
			after := g.Applied(got)
			for _, r := range plan {
				if after[r.ID] {
					t.Errorf("%s is still applied after its downgrade", r.ID)
				}
			}
		})
	}
}

// TestUpDownInverse checks on every fixture that upgrading to heads and
// downgrading to base pass through every revision once, in opposite orders.
func TestUpDownInverse(t *testing.T) {
	for name := range fixtures() {
		g := graph(t, name)
		up, err := g.UpgradePlan(nil, "heads")
		if err != nil {
			t.Fatal(err)
		}
		heads := simulate(g, nil, up, true)
		if len(g.Heads()) > 0 && !reflect.DeepEqual(heads, g.Heads()) {
			t.Errorf("%s: heads after upgrade = %v, want %v", name, heads, g.Heads())
		}
		down, err := g.DowngradePlan(heads, "base")
		if err != nil {
			t.Fatal(err)
		}
		if len(up) != len(down) {
			t.Fatalf("%s: up %v, down %v", name, ids(up), ids(down))
		}
		for i := range up {
			if up[i] != down[len(down)-1-i] {
				t.Errorf("%s: down %v is not up %v reversed", name, ids(down), ids(up))
				break
			}
		}
		if got := simulate(g, heads, down, false); len(got) != 0 {
			t.Errorf("%s: heads after downgrade to base = %v", name, got)
		}
	}
}

func TestCheckDirection(t *testing.T) {
	tests := []struct {
		target string
		down   bool
		err    string
	}{
		{"-1", false, "-1 is a downgrade target; use downgrade -1"},
		{" -12 ", false, "-12 is a downgrade target; use downgrade -12"},
		{"+3", true, "+3 is an upgrade target; use upgrade +3"},
		{"-1", true, ""},
		{"+1", false, ""},
		{"head", false, ""},
		{"base", true, ""},
		{"abcd-1", false, ""},
		{"abcd+1", true, ""},
		{"-+1", false, ""}, // malformed: left to Resolve
		{"-", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		err := CheckDirection(tt.target, tt.down)
		if tt.err == "" {
			if err != nil {
				t.Errorf("CheckDirection(%q, %v) = %v, want nil", tt.target, tt.down, err)
			}
			continue
		}
		if !errors.Is(err, ErrInvalid) || err.Error() != tt.err {
			t.Errorf("CheckDirection(%q, %v) = %v, want %q", tt.target, tt.down, err, tt.err)
		}
	}
}
