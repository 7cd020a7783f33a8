package entschema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/entc/gen"
)

// relation is one "-- retort:relation" comment: an edge as retort lint
// reads it (the hint package of retort documents the fields).
type relation struct {
	ORM        string   `json:"orm"`
	Kind       string   `json:"kind"`
	Package    string   `json:"package"`
	Model      string   `json:"model"`
	Field      string   `json:"field"`
	Table      string   `json:"table"`
	Columns    []string `json:"columns"`
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	FK         bool     `json:"fk"`
	FKName     string   `json:"fk_name,omitempty"`
}

// writeRelations writes a relation comment for every assoc edge
// (edge.To) that holds a foreign key, in schema and edge order. ent
// creates a key for every such edge; the inverse edge (edge.From) names
// the same key and is left out, and so are the keys of M2M join tables.
func writeRelations(b *strings.Builder, graph *gen.Graph, tables []*schema.Table, models []any) error {
	pkgs := map[string]string{}
	for _, m := range models {
		t := reflect.TypeOf(m)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		pkgs[t.Name()] = t.PkgPath()
	}
	for _, node := range graph.Nodes {
		for _, e := range node.Edges {
			if e.IsInverse() || e.M2M() || len(e.Rel.Columns) == 0 {
				continue
			}
			fk := edgeKey(tables, e.Rel.Table, e.Rel.Column())
			if fk == nil {
				return fmt.Errorf("entschema: edge %s.%s: ent planned no foreign key on %s(%s)", node.Name, e.Name, e.Rel.Table, e.Rel.Column())
			}
			r := relation{ORM: "ent", Kind: e.Rel.Type.String(), Package: pkgs[node.Name], Model: node.Name, Field: e.Name,
				Table: e.Rel.Table, RefTable: fk.RefTable.Name, FK: true, FKName: fk.Symbol}
			for i := range fk.Columns {
				r.Columns = append(r.Columns, fk.Columns[i].Name)
				r.RefColumns = append(r.RefColumns, fk.RefColumns[i].Name)
			}
			line, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("entschema: edge %s.%s: writing its relation failed: %w", node.Name, e.Name, err)
			}
			b.WriteString("-- retort:relation ")
			b.Write(line)
			b.WriteString("\n")
		}
	}
	return nil
}

// edgeKey is the foreign key of table over column.
func edgeKey(tables []*schema.Table, table, column string) *schema.ForeignKey {
	for _, t := range tables {
		if t.Name != table {
			continue
		}
		for _, fk := range t.ForeignKeys {
			if len(fk.Columns) == 1 && fk.Columns[0].Name == column {
				return fk
			}
		}
	}
	return nil
}
