package revision

import (
	"container/heap"
	"slices"
	"strings"
)

// Graph is a validated set of revisions: unique ids, every parent and
// depends-on present, no cycles.
type Graph struct {
	revs     map[string]*Revision
	order    []*Revision         // topological, see All
	children map[string][]string // parent edges only, sorted
	heads    []string
	bases    []string
}

// NewGraph checks revs and builds their graph.
func NewGraph(revs []*Revision) (*Graph, error) {
	g := &Graph{revs: map[string]*Revision{}, children: map[string][]string{}, heads: []string{}, bases: []string{}}
	for i, r := range revs {
		if r == nil {
			return nil, invalid("revision %d of %d is nil", i+1, len(revs))
		}
		if prev, dup := g.revs[r.ID]; dup {
			return nil, invalid("duplicate revision id %s in %s and %s", r.ID, prev.File, r.File)
		}
		g.revs[r.ID] = r
	}
	for _, r := range revs {
		for _, p := range r.Parents {
			if g.revs[p] == nil {
				return nil, &Error{File: fileOf(r), Msg: "parent " + p + " of revision " + r.ID + " does not exist"}
			}
			g.children[p] = append(g.children[p], r.ID)
		}
		for _, d := range r.DependsOn {
			if g.revs[d] == nil {
				return nil, &Error{File: fileOf(r), Msg: "revision " + r.ID + " depends on " + d + ", which does not exist"}
			}
		}
	}
	for _, c := range g.children {
		slices.Sort(c)
	}
	if err := g.sort(); err != nil {
		return nil, err
	}
	for _, r := range g.order {
		if len(g.children[r.ID]) == 0 {
			g.heads = append(g.heads, r.ID)
		}
		if len(r.Parents) == 0 {
			g.bases = append(g.bases, r.ID)
		}
	}
	slices.Sort(g.heads)
	slices.Sort(g.bases)
	return g, nil
}

func fileOf(r *Revision) string {
	if r.File != "" {
		return r.File
	}
	return "revision " + r.ID
}

// deps are the revisions r needs applied first: parents and depends-on.
func deps(r *Revision) []string {
	return append(slices.Clip(r.Parents), r.DependsOn...)
}

// sort orders revisions topologically (Kahn), taking among the ready ones
// the oldest Created, then the smallest ID, so the order is stable.
func (g *Graph) sort() error {
	waiting := map[string]int{}         // unmet dependencies
	dependents := map[string][]string{} // parent and depends-on edges
	ready := &readyHeap{}
	for id, r := range g.revs {
		ds := deps(r)
		waiting[id] = len(ds)
		for _, d := range ds {
			dependents[d] = append(dependents[d], id)
		}
		if len(ds) == 0 {
			heap.Push(ready, r)
		}
	}
	for ready.Len() > 0 {
		r := heap.Pop(ready).(*Revision)
		g.order = append(g.order, r)
		for _, c := range dependents[r.ID] {
			waiting[c]--
			if waiting[c] == 0 {
				heap.Push(ready, g.revs[c])
			}
		}
	}
	if len(g.order) == len(g.revs) {
		return nil
	}
	return invalid("revision cycle: %s", strings.Join(g.cycle(waiting), " -> "))
}

// cycle finds one cycle among the revisions left unsorted and returns its
// ids, the first repeated at the end.
func (g *Graph) cycle(waiting map[string]int) []string {
	var start string
	for id, n := range waiting {
		if n > 0 && (start == "" || id < start) {
			start = id
		}
	}
	// Every unsorted revision has an unsorted dependency, so walking
	// dependencies must revisit one.
	pos := map[string]int{}
	var path []string
	for id := start; ; {
		if i, ok := pos[id]; ok {
			return append(path[i:], id)
		}
		pos[id] = len(path)
		path = append(path, id)
		next := ""
		for _, d := range deps(g.revs[id]) {
			if waiting[d] > 0 && (next == "" || d < next) {
				next = d
			}
		}
		id = next
	}
}

type readyHeap []*Revision

func (h readyHeap) Len() int { return len(h) }
func (h readyHeap) Less(i, j int) bool {
	if !h[i].Created.Equal(h[j].Created) {
		return h[i].Created.Before(h[j].Created)
	}
	return h[i].ID < h[j].ID
}
func (h readyHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *readyHeap) Push(x any)   { *h = append(*h, x.(*Revision)) }
func (h *readyHeap) Pop() any {
	old := *h
	r := old[len(old)-1]
	*h = old[:len(old)-1]
	return r
}

// Get returns the revision with this exact id, or nil.
func (g *Graph) Get(id string) *Revision { return g.revs[id] }

// All returns every revision in topological order: parents and
// depends-on before dependents, ties by Created then ID.
func (g *Graph) All() []*Revision { return slices.Clone(g.order) }

// Heads returns the revisions without children, sorted.
func (g *Graph) Heads() []string { return slices.Clone(g.heads) }

// Bases returns the revisions without parents, sorted.
func (g *Graph) Bases() []string { return slices.Clone(g.bases) }

// Children returns the revisions that name id as a parent, sorted.
func (g *Graph) Children(id string) []string { return slices.Clone(g.children[id]) }

// IsMerge reports whether id has several parents.
func (g *Graph) IsMerge(id string) bool {
	r := g.revs[id]
	return r != nil && len(r.Parents) > 1
}

// IsBranchPoint reports whether id has several children.
func (g *Graph) IsBranchPoint(id string) bool { return len(g.children[id]) > 1 }

// Applied returns the revisions applied when the database is at current:
// those heads and all their ancestors through parents and depends-on.
// Ids not in the graph are kept as given.
func (g *Graph) Applied(current []string) map[string]bool {
	applied := map[string]bool{}
	stack := slices.Clone(current)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if applied[id] {
			continue
		}
		applied[id] = true
		if r := g.revs[id]; r != nil {
			stack = append(stack, deps(r)...)
		}
	}
	return applied
}
