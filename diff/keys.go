package diff

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// tkey identifies a table, view, trigger or enum: (schema, name).
type tkey struct{ schema, name string }

func keyOf(t *schema.Table) tkey { return tkey{t.Schema, t.Name} }

// refKey is the table a foreign key of t references. An empty RefSchema
// means t's own schema.
func refKey(t *schema.Table, fk *schema.ForeignKey) tkey {
	if fk.RefSchema == "" {
		return tkey{t.Schema, fk.RefTable}
	}
	return tkey{fk.RefSchema, fk.RefTable}
}

func lessTable(a, b *schema.Table) bool {
	if a.Schema != b.Schema {
		return a.Schema < b.Schema
	}
	return a.Name < b.Name
}

func lessKey(a, b tkey) bool {
	if a.schema != b.schema {
		return a.schema < b.schema
	}
	return a.name < b.name
}

// colSet is a set of column names, compared case-insensitively.
type colSet map[string]bool

func (s colSet) add(cols ...string) {
	for _, c := range cols {
		s[strings.ToLower(c)] = true
	}
}

func (s colSet) hitsAny(cols []string) bool {
	for _, c := range cols {
		if s[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// keyCovers reports whether some key in keys starts with exactly the
// columns of cols (in any order): the key or index a foreign key over cols
// relies on (PostgreSQL wants the same set, MySQL a leading prefix).
func keyCovers(keys [][]string, cols []string) bool {
	for _, k := range keys {
		if len(k) < len(cols) {
			continue
		}
		lead := colSet{}
		lead.add(k[:len(cols)]...)
		if len(lead) == len(cols) && lead.hitsAll(cols) {
			return true
		}
	}
	return false
}

func (s colSet) hitsAll(cols []string) bool {
	for _, c := range cols {
		if !s[strings.ToLower(c)] {
			return false
		}
	}
	return true
}

// indexColumns returns the plain columns of an index, or nil when a part
// is an expression (no foreign key can rely on it).
func indexColumns(ix *schema.Index) []string {
	cols := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		if p.Column == "" {
			return nil
		}
		cols = append(cols, p.Column)
	}
	return cols
}
