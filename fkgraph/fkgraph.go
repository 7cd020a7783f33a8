// Package fkgraph draws the foreign-key graph of a schema (Mermaid,
// Graphviz DOT) and answers "what does deleting a row here touch?".
package fkgraph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Edge is one foreign key, drawn from the child table to its parent.
type Edge struct {
	Child, Parent string
	FK            *schema.ForeignKey
}

// Edges lists every foreign key of s, sorted by child, then parent, then
// constraint columns.
func Edges(s *schema.Schema) []Edge {
	var edges []Edge
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			edges = append(edges, Edge{Child: t.QualifiedName(), Parent: refName(fk), FK: fk})
		}
	}
	sort.SliceStable(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.Child != b.Child {
			return a.Child < b.Child
		}
		if a.Parent != b.Parent {
			return a.Parent < b.Parent
		}
		return strings.Join(a.FK.Columns, ",") < strings.Join(b.FK.Columns, ",")
	})
	return edges
}

func refName(fk *schema.ForeignKey) string {
	if fk.RefSchema == "" {
		return fk.RefTable
	}
	return fk.RefSchema + "." + fk.RefTable
}

// Label describes a key's columns and actions, e.g.
// "author_id → id, ON DELETE CASCADE". ON DELETE is always named, as it is
// what the graph is for; ON UPDATE, DEFERRABLE and MATCH only when they
// are not the default, so that the labels stay readable.
func Label(fk *schema.ForeignKey) string {
	label := fmt.Sprintf("%s → %s, ON DELETE %s",
		strings.Join(fk.Columns, ", "), strings.Join(fk.RefColumns, ", "), schema.Action(fk.OnDelete))
	if u := schema.Action(fk.OnUpdate); u != schema.NoAction {
		label += ", ON UPDATE " + string(u)
	}
	if fk.Deferrable {
		label += ", DEFERRABLE"
		if fk.InitiallyDeferred {
			label += " INITIALLY DEFERRED"
		}
	}
	if m := schema.MatchType(fk.Match); m != schema.MatchSimple {
		label += ", MATCH " + string(m)
	}
	return label
}

func tableNames(s *schema.Schema) []string {
	names := make([]string, 0, len(s.Tables))
	for _, t := range s.Tables {
		names = append(names, t.QualifiedName())
	}
	sort.Strings(names)
	return names
}
