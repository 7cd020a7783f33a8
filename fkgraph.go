package retort

import (
	"fmt"

	"github.com/retortdb/retort/fkgraph"
	"github.com/retortdb/retort/schema"
)

// FKGraph draws the tables of s and their foreign keys, with their ON
// DELETE / ON UPDATE actions, as a Mermaid ("mermaid") or Graphviz
// ("dot") diagram.
func FKGraph(s *schema.Schema, format string) (string, error) {
	switch format {
	case "mermaid":
		return fkgraph.Mermaid(s), nil
	case "dot":
		return fkgraph.DOT(s), nil
	}
	return "", fmt.Errorf("unknown graph format %q (mermaid or dot)", format)
}

// CascadeEffect is what a DELETE on one table does to another: Action is
// Cascade (rows deleted), SetNull or SetDefault (rows updated), or
// RESTRICT / NO ACTION (the delete is refused while rows reference it).
type CascadeEffect = fkgraph.Effect

// The ON DELETE actions of a CascadeEffect that change rows.
const (
	Cascade    = schema.Cascade
	SetNull    = schema.SetNull
	SetDefault = schema.SetDefault
)

// CascadeFrom returns every table a DELETE on table (qualified as
// "schema.table" when it has a schema) reaches in s, transitively; false
// when s has no such table.
func CascadeFrom(s *schema.Schema, table string) ([]CascadeEffect, bool) {
	for _, t := range s.Tables {
		if t.QualifiedName() == table {
			return fkgraph.CascadeFrom(s, table), true
		}
	}
	return nil, false
}
