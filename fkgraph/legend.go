package fkgraph

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// style is how an edge is drawn; it follows the key's ON DELETE action,
// the one that decides what a delete of a parent row does.
type style int

const (
	refused style = iota // NO ACTION, RESTRICT
	deletes              // CASCADE
	resets               // SET NULL, SET DEFAULT
)

func styleOf(fk *schema.ForeignKey) style {
	switch schema.Action(fk.OnDelete) {
	case schema.Cascade:
		return deletes
	case schema.SetNull, schema.SetDefault:
		return resets
	}
	return refused
}

// legend explains each style, in the order the legend draws them.
var legend = []struct {
	style style
	text  string
}{
	{deletes, "ON DELETE CASCADE: deleting a parent row deletes its child rows"},
	{resets, "ON DELETE SET NULL / SET DEFAULT: the child rows' columns are reset"},
	{refused, "ON DELETE NO ACTION / RESTRICT: the delete is refused while child rows exist"},
}

// legendNote says what the edge labels leave out.
const legendNote = "arrows point from the child (referencing) table to the parent; ON UPDATE NO ACTION, the default, is not shown"

// mermaidArrow and dotAttrs draw a style in each format.
func mermaidArrow(s style) string {
	switch s {
	case deletes:
		return "==>" // thick
	case resets:
		return "-.->" // dotted
	}
	return "-->"
}

func dotAttrs(s style) string {
	switch s {
	case deletes:
		return ", color=red, style=bold"
	case resets:
		return ", style=dashed"
	}
	return ""
}

// dotLegendPrefix returns a node-name prefix no table name starts with,
// since DOT node names are the table names themselves.
func dotLegendPrefix(s *schema.Schema) string {
	names := tableNames(s)
	for _, e := range Edges(s) {
		names = append(names, e.Parent)
	}
	prefix := "legend "
	for taken := true; taken; {
		taken = false
		for _, n := range names {
			if strings.HasPrefix(n, prefix) {
				taken, prefix = true, "_"+prefix
				break
			}
		}
	}
	return prefix
}
