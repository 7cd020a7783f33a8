package revision

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// rev builds a revision created at minute n, with parents.
func rev(id string, n int, parents ...string) *Revision {
	return &Revision{ID: id, Parents: parents, File: id + "_x.sql", Created: time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC)}
}

func dependsOn(r *Revision, ids ...string) *Revision {
	r.DependsOn = ids
	return r
}

// Fixtures:
//
//	linear:  l1aaaa <- l2bbbb <- l3cccc
//	branch:  b0 <- b1 <- b2 ; b0 <- c1
//	merge:   m0 <- m1, m0 <- m2, mm(m1, m2) <- m3
//	depends: x1 <- x2 ; y1 <- y2, y2 depends on x2
//	prefix:  abcd1111 <- abcd2222
func fixtures() map[string][]*Revision {
	return map[string][]*Revision{
		"linear":  {rev("l3cccc", 3, "l2bbbb"), rev("l1aaaa", 1), rev("l2bbbb", 2, "l1aaaa")},
		"branch":  {rev("b0", 1), rev("b1", 2, "b0"), rev("c1", 3, "b0"), rev("b2", 4, "b1")},
		"merge":   {rev("m0", 1), rev("m1", 2, "m0"), rev("m2", 3, "m0"), rev("mm", 4, "m1", "m2"), rev("m3", 5, "mm")},
		"depends": {rev("x1", 1), rev("x2", 2, "x1"), rev("y1", 3), dependsOn(rev("y2", 4, "y1"), "x2")},
		"prefix":  {rev("abcd1111", 1), rev("abcd2222", 2, "abcd1111")},
		"empty":   {},
	}
}

func graph(t *testing.T, name string) *Graph {
	t.Helper()
	g, err := NewGraph(fixtures()[name])
	if err != nil {
		t.Fatalf("NewGraph(%s): %v", name, err)
	}
	return g
}

func ids(revs []*Revision) []string {
	out := []string{}
	for _, r := range revs {
		out = append(out, r.ID)
	}
	return out
}

func TestGraphShape(t *testing.T) {
	tests := []struct {
		name                string
		all, heads, bases   []string
		merges, branchPoint []string
	}{
		{"linear", []string{"l1aaaa", "l2bbbb", "l3cccc"}, []string{"l3cccc"}, []string{"l1aaaa"}, nil, nil},
		{"branch", []string{"b0", "b1", "c1", "b2"}, []string{"b2", "c1"}, []string{"b0"}, nil, []string{"b0"}},
		{"merge", []string{"m0", "m1", "m2", "mm", "m3"}, []string{"m3"}, []string{"m0"}, []string{"mm"}, []string{"m0"}},
		{"depends", []string{"x1", "x2", "y1", "y2"}, []string{"x2", "y2"}, []string{"x1", "y1"}, nil, nil},
		{"empty", []string{}, []string{}, []string{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := graph(t, tt.name)
			if got := ids(g.All()); !reflect.DeepEqual(got, tt.all) {
				t.Errorf("All = %v, want %v", got, tt.all)
			}
			if got := g.Heads(); !reflect.DeepEqual(got, tt.heads) && !(len(got) == 0 && len(tt.heads) == 0) {
				t.Errorf("Heads = %v, want %v", got, tt.heads)
			}
			if got := g.Bases(); !reflect.DeepEqual(got, tt.bases) && !(len(got) == 0 && len(tt.bases) == 0) {
				t.Errorf("Bases = %v, want %v", got, tt.bases)
			}
			for _, r := range g.All() {
				wantMerge := strings.Contains(strings.Join(tt.merges, " "), r.ID)
				if g.IsMerge(r.ID) != wantMerge {
					t.Errorf("IsMerge(%s) = %v", r.ID, !wantMerge)
				}
				wantBP := strings.Contains(strings.Join(tt.branchPoint, " "), r.ID)
				if g.IsBranchPoint(r.ID) != wantBP {
					t.Errorf("IsBranchPoint(%s) = %v", r.ID, !wantBP)
				}
				if g.Get(r.ID) != r {
					t.Errorf("Get(%s) is not the revision", r.ID)
				}
			}
		})
	}
	g := graph(t, "branch")
	if got := g.Children("b0"); !reflect.DeepEqual(got, []string{"b1", "c1"}) {
		t.Errorf("Children(b0) = %v", got)
	}
	if g.Get("nope") != nil || g.IsMerge("nope") || g.IsBranchPoint("nope") {
		t.Error("unknown id reported as present")
	}
}

func TestAllTiesAndDependsOn(t *testing.T) {
	// Same Created: ties by ID; a depends-on target comes first even when
	// it is newer.
	revs := []*Revision{rev("zz", 1), rev("aa", 1), dependsOn(rev("mid", 0), "zz")}
	g, err := NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(g.All()), []string{"aa", "zz", "mid"}; !reflect.DeepEqual(got, want) {
		t.Errorf("All = %v, want %v", got, want)
	}
	if got, want := g.Heads(), []string{"aa", "mid", "zz"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Heads = %v, want %v (depends-on is not a parent)", got, want)
	}
}

func TestNewGraphErrors(t *testing.T) {
	tests := []struct {
		name string
		revs []*Revision
		want []string
	}{
		{"duplicate", []*Revision{rev("a", 1), {ID: "a", File: "other.sql"}}, []string{"duplicate revision id a in a_x.sql and other.sql"}},
		{"missing parent", []*Revision{rev("a", 1), rev("b", 2, "zz")}, []string{"b_x.sql: parent zz of revision b does not exist"}},
		{"missing depends-on", []*Revision{rev("a", 1), dependsOn(rev("b", 2, "a"), "qq")}, []string{"b_x.sql: revision b depends on qq, which does not exist"}},
		{"two-cycle", []*Revision{rev("a", 1, "b"), rev("b", 2, "a")}, []string{"revision cycle: a -> b -> a"}},
		{"three-cycle beside a base", []*Revision{rev("base", 0), rev("a", 1, "c"), rev("b", 2, "a"), rev("c", 3, "b", "base")}, []string{"revision cycle: a -> c -> b -> a"}},
		{"cycle through depends-on", []*Revision{rev("a", 1), dependsOn(rev("b", 2, "a"), "c"), rev("c", 3, "b")}, []string{"revision cycle: b -> c -> b"}},
		{"nil revision", []*Revision{rev("a", 1), nil}, []string{"revision 2 of 2 is nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := NewGraph(tt.revs)
			if err == nil {
				t.Fatalf("NewGraph = %v, want error", g)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%v does not wrap ErrInvalid", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestApplied(t *testing.T) {
	g := graph(t, "depends")
	got := g.Applied([]string{"y2"})
	want := map[string]bool{"y2": true, "y1": true, "x2": true, "x1": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Applied(y2) = %v, want %v", got, want)
	}
	if got := g.Applied(nil); len(got) != 0 {
		t.Errorf("Applied(nil) = %v", got)
	}
	m := graph(t, "merge")
	if got := m.Applied([]string{"m1"}); !reflect.DeepEqual(got, map[string]bool{"m0": true, "m1": true}) {
		t.Errorf("Applied(m1) = %v", got)
	}
}
