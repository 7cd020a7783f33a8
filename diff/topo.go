package diff

import (
	"container/heap"
	"sort"

	"github.com/retortdb/retort/schema"
)

// TopoSortTables orders tables parents first: a table comes after every
// table its foreign keys reference. Ties are broken by schema and name, so
// the order is deterministic. Keys that close a cycle are returned in
// cyclic (and ignored for ordering); a key referencing its own table is not
// a cycle, and keys to tables outside the list are ignored.
func TopoSortTables(tables []*schema.Table) (ordered []*schema.Table, cyclic []*schema.ForeignKey) {
	g := newTableGraph(tables)
	order, back := g.sort()
	ordered = make([]*schema.Table, len(order))
	for i, n := range order {
		ordered[i] = g.tables[n]
	}
	for _, e := range back {
		cyclic = append(cyclic, e.fk)
	}
	return ordered, cyclic
}

// tableGraph is the FK graph of a set of tables, nodes sorted by name.
type tableGraph struct {
	tables []*schema.Table
	deps   [][]int                // deps[i][k]: table referenced by fks[i][k]
	fks    [][]*schema.ForeignKey // keys of table i that reference a table in the set
}

// fkEdge is a foreign key of table `from` closing a cycle.
type fkEdge struct {
	from int
	fk   *schema.ForeignKey
}

func newTableGraph(tables []*schema.Table) *tableGraph {
	g := &tableGraph{tables: append([]*schema.Table(nil), tables...)}
	sort.SliceStable(g.tables, func(i, j int) bool { return lessTable(g.tables[i], g.tables[j]) })
	idx := make(map[tkey]int, len(g.tables))
	for i, t := range g.tables {
		idx[keyOf(t)] = i
	}
	g.deps = make([][]int, len(g.tables))
	g.fks = make([][]*schema.ForeignKey, len(g.tables))
	for i, t := range g.tables {
		for _, fk := range t.ForeignKeys {
			j, ok := idx[refKey(t, fk)]
			if !ok || j == i {
				continue
			}
			g.deps[i] = append(g.deps[i], j)
			g.fks[i] = append(g.fks[i], fk)
		}
	}
	return g
}

// sort returns node indices parents first and the keys whose edges close
// a cycle: depth-first back edges, whose removal leaves the graph acyclic.
// The order itself is Kahn's with the smallest index first among ready
// nodes, so unrelated tables stay in name order.
func (g *tableGraph) sort() ([]int, []fkEdge) {
	n := len(g.tables)
	const (
		unseen = iota
		active
		done
	)
	state := make([]int, n)
	isBack := make([][]bool, n)
	var back []fkEdge
	var visit func(i int)
	visit = func(i int) {
		state[i] = active
		for k, j := range g.deps[i] {
			switch state[j] {
			case active:
				if isBack[i] == nil {
					isBack[i] = make([]bool, len(g.deps[i]))
				}
				isBack[i][k] = true
				back = append(back, fkEdge{from: i, fk: g.fks[i][k]})
			case unseen:
				visit(j)
			}
		}
		state[i] = done
	}
	for i := 0; i < n; i++ {
		if state[i] == unseen {
			visit(i)
		}
	}
	indeg := make([]int, n)
	children := make([][]int, n)
	for i := range g.deps {
		for k, j := range g.deps[i] {
			if isBack[i] != nil && isBack[i][k] {
				continue
			}
			indeg[i]++
			children[j] = append(children[j], i)
		}
	}
	ready := &intHeap{}
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			heap.Push(ready, i)
		}
	}
	order := make([]int, 0, n)
	for ready.Len() > 0 {
		i := heap.Pop(ready).(int)
		order = append(order, i)
		for _, c := range children[i] {
			if indeg[c]--; indeg[c] == 0 {
				heap.Push(ready, c)
			}
		}
	}
	return order, back
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// orderByDeps orders n named nodes (already sorted by name) so that each
// comes after the nodes it depends on; dependencies closing a cycle are
// ignored. Used for views, whose dependencies are guessed from text.
func orderByDeps(n int, deps [][]int) []int {
	g := &tableGraph{tables: make([]*schema.Table, n), deps: deps, fks: make([][]*schema.ForeignKey, n)}
	for i := range g.fks {
		g.fks[i] = make([]*schema.ForeignKey, len(deps[i]))
	}
	order, _ := g.sort()
	return order
}
