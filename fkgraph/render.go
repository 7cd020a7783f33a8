package fkgraph

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Mermaid renders the graph as a Mermaid flowchart; every edge is labelled
// with its columns and actions (see Label), and a legend explains the
// arrow styles when there is at least one foreign key.
func Mermaid(s *schema.Schema) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, name := range tableNames(s) {
		ids[name] = fmt.Sprintf("t%d", i)
		fmt.Fprintf(&b, "  %s[%q]\n", ids[name], name)
	}
	edges := Edges(s)
	for _, e := range edges {
		parent, ok := ids[e.Parent]
		if !ok { // referenced table outside the reflected schema
			parent = fmt.Sprintf("t%d", len(ids))
			ids[e.Parent] = parent
			fmt.Fprintf(&b, "  %s[%q]\n", parent, e.Parent)
		}
		fmt.Fprintf(&b, "  %s %s|%s| %s\n", ids[e.Child], mermaidArrow(styleOf(e.FK)), mermaidText(Label(e.FK)), parent)
	}
	if len(edges) > 0 {
		// Ids avoid a lowercase "end", which Mermaid reads as a keyword.
		b.WriteString("  subgraph key[\"Legend\"]\n")
		for i, l := range legend {
			fmt.Fprintf(&b, "    k%d[\"child\"] %s|%s| k%d[\"parent\"]\n", 2*i, mermaidArrow(l.style), mermaidText(l.text), 2*i+1)
		}
		fmt.Fprintf(&b, "    k%d[%s]\n", 2*len(legend), mermaidText(legendNote))
		b.WriteString("  end\n")
	}
	return b.String()
}

// mermaidText quotes a label; Mermaid has no escape for '"' inside one.
func mermaidText(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "#quot;") + `"`
}

// DOT renders the graph for Graphviz; CASCADE edges are bold and red,
// SET NULL / SET DEFAULT edges dashed, and a legend cluster says so when
// there is at least one foreign key.
func DOT(s *schema.Schema) string {
	var b strings.Builder
	b.WriteString("digraph schema {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, name := range tableNames(s) {
		fmt.Fprintf(&b, "  %s;\n", dotID(name))
	}
	edges := Edges(s)
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s%s];\n", dotID(e.Child), dotID(e.Parent), dotID(Label(e.FK)), dotAttrs(styleOf(e.FK)))
	}
	if len(edges) > 0 {
		p := dotLegendPrefix(s)
		node := func(i int) string { return dotID(fmt.Sprintf("%s%d", p, i)) }
		b.WriteString("  subgraph cluster_legend {\n    label=\"Legend\";\n    fontname=\"Helvetica\";\n    style=dashed;\n    node [shape=plaintext];\n")
		for i, l := range legend {
			fmt.Fprintf(&b, "    %s [label=\"child\"];\n    %s [label=\"parent\"];\n", node(2*i), node(2*i+1))
			fmt.Fprintf(&b, "    %s -> %s [label=%s%s];\n", node(2*i), node(2*i+1), dotID(l.text), dotAttrs(l.style))
		}
		fmt.Fprintf(&b, "    %s [label=%s];\n  }\n", node(2*len(legend)), dotID(legendNote))
	}
	b.WriteString("}\n")
	return b.String()
}

func dotID(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
