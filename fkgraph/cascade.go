package fkgraph

import (
	"sort"

	"github.com/retortdb/retort/schema"
)

// Effect is what deleting rows of the start table does to another table.
type Effect struct {
	Table  string
	Action schema.FKAction // CASCADE (rows deleted), SET NULL / SET DEFAULT (rows updated), or RESTRICT / NO ACTION (delete refused while rows reference it)
	Via    Edge            // the key along which the effect arrives
	Depth  int             // 1 for direct children
}

// CascadeFrom returns every table a DELETE on table reaches, transitively:
// rows deleted through ON DELETE CASCADE chains (which continue from the
// deleted child), rows updated through SET NULL / SET DEFAULT, and keys
// that would refuse the delete. Each (table, key) appears once, at the
// shallowest depth; cycles are followed once.
func CascadeFrom(s *schema.Schema, table string) []Effect {
	children := map[string][]Edge{}
	for _, e := range Edges(s) {
		children[e.Parent] = append(children[e.Parent], e)
	}
	var effects []Effect
	seenEdge := map[*schema.ForeignKey]bool{}
	deleted := map[string]bool{table: true}
	frontier := []string{table}
	for depth := 1; len(frontier) > 0; depth++ {
		var next []string
		for _, parent := range frontier {
			for _, e := range children[parent] {
				if seenEdge[e.FK] {
					continue
				}
				seenEdge[e.FK] = true
				action := schema.Action(e.FK.OnDelete)
				effects = append(effects, Effect{Table: e.Child, Action: action, Via: e, Depth: depth})
				if action == schema.Cascade && !deleted[e.Child] {
					deleted[e.Child] = true
					next = append(next, e.Child)
				}
			}
		}
		sort.Strings(next)
		frontier = next
	}
	return effects
}
