package fkgraph

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Mermaid renders the graph as a Mermaid flowchart; every edge is labelled
// with its columns and ON DELETE / ON UPDATE actions.
func Mermaid(s *schema.Schema) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, name := range tableNames(s) {
		ids[name] = fmt.Sprintf("t%d", i)
		fmt.Fprintf(&b, "  %s[%q]\n", ids[name], name)
	}
	for _, e := range Edges(s) {
		parent, ok := ids[e.Parent]
		if !ok { // referenced table outside the reflected schema
			parent = fmt.Sprintf("t%d", len(ids))
			ids[e.Parent] = parent
			fmt.Fprintf(&b, "  %s[%q]\n", parent, e.Parent)
		}
		arrow := "-->"
		if schema.Action(e.FK.OnDelete) == schema.Cascade {
			arrow = "==>" // thick: deletes flow along this edge
		}
		fmt.Fprintf(&b, "  %s %s|%s| %s\n", ids[e.Child], arrow, mermaidText(Label(e.FK)), parent)
	}
	return b.String()
}

// mermaidText quotes a label; Mermaid has no escape for '"' inside one.
func mermaidText(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "#quot;") + `"`
}

// DOT renders the graph for Graphviz; CASCADE edges are bold and red,
// SET NULL / SET DEFAULT edges dashed.
func DOT(s *schema.Schema) string {
	var b strings.Builder
	b.WriteString("digraph schema {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, name := range tableNames(s) {
		fmt.Fprintf(&b, "  %s;\n", dotID(name))
	}
	for _, e := range Edges(s) {
		style := ""
		switch schema.Action(e.FK.OnDelete) {
		case schema.Cascade:
			style = ", color=red, style=bold"
		case schema.SetNull, schema.SetDefault:
			style = ", style=dashed"
		}
		fmt.Fprintf(&b, "  %s -> %s [label=%s%s];\n", dotID(e.Child), dotID(e.Parent), dotID(Label(e.FK)), style)
	}
	b.WriteString("}\n")
	return b.String()
}

func dotID(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
