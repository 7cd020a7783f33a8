package sqlite

import (
	"strconv"

	"github.com/retortdb/retort/schema"
)

// renderNamer hands out constraint names unique within one table, the
// way diff does: the template name, then name1, name2... when taken.
type renderNamer struct {
	naming schema.Naming
	table  string
	used   map[string]bool
}

// renderNameConstraints gives every unnamed constraint of t a name from
// naming, in place, so what retort creates can later be dropped by name.
func renderNameConstraints(t *schema.Table, naming schema.Naming) {
	n := &renderNamer{naming: naming, table: t.Name, used: map[string]bool{}}
	if t.PrimaryKey != nil {
		n.take(t.PrimaryKey.Name)
	}
	for _, fk := range t.ForeignKeys {
		n.take(fk.Name)
	}
	for _, u := range t.Uniques {
		n.take(u.Name)
	}
	for _, c := range t.Checks {
		n.take(c.Name)
	}
	if pk := t.PrimaryKey; pk != nil && pk.Name == "" && len(pk.Columns) > 0 {
		pk.Name = n.fresh(naming.Name("pk", t.Name, pk.Columns))
	}
	for _, u := range t.Uniques {
		if u.Name == "" {
			u.Name = n.fresh(naming.Name("uq", t.Name, u.Columns))
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" {
			base := t.Name + "_check"
			if naming.Templates["ck"] != "" {
				base = naming.Name("ck", t.Name, nil)
			}
			c.Name = n.fresh(base)
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" {
			fk.Name = n.fresh(naming.Name("fk", t.Name, fk.Columns))
		}
	}
}

func (n *renderNamer) take(name string) {
	if name != "" {
		n.used[name] = true
	}
}

func (n *renderNamer) fresh(base string) string {
	name := base
	for i := 1; n.used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}

// renderIndexName names an unnamed index; index names are database-wide
// in SQLite, so it checks every table.
func renderIndexName(s *schema.Schema, t *schema.Table, ix *schema.Index, naming schema.Naming) string {
	var cols []string
	for _, p := range ix.Parts {
		if p.Column != "" {
			cols = append(cols, p.Column)
		} else {
			cols = append(cols, "expr")
		}
	}
	base := naming.Name("ix", t.Name, cols)
	taken := func(name string) bool {
		for _, x := range s.Tables {
			if x.Index(name) != nil {
				return true
			}
		}
		return false
	}
	name := base
	for i := 1; taken(name); i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}
