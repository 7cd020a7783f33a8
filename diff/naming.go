package diff

import (
	"strconv"

	"github.com/retortdb/retort/schema"
)

// maxName is PostgreSQL's identifier limit, below MySQL's.
const maxName = 63

// namer hands out constraint names unique within one table.
type namer struct {
	naming schema.Naming
	table  string
	used   map[string]bool
}

func newNamer(n schema.Naming, t *schema.Table) *namer {
	nm := &namer{naming: n, table: t.Name, used: map[string]bool{}}
	if t.PrimaryKey != nil {
		nm.take(t.PrimaryKey.Name)
	}
	for _, fk := range t.ForeignKeys {
		nm.take(fk.Name)
	}
	for _, u := range t.Uniques {
		nm.take(u.Name)
	}
	for _, c := range t.Checks {
		nm.take(c.Name)
	}
	for _, ix := range t.Indexes {
		nm.take(ix.Name)
	}
	return nm
}

func (n *namer) take(name string) {
	if name != "" {
		n.used[name] = true
	}
}

// fresh returns base, or base1, base2... when taken, the way PostgreSQL
// picks its own names.
func (n *namer) fresh(base string) string {
	name := base
	for i := 1; n.used[name]; i++ {
		suf := strconv.Itoa(i)
		b := base
		if len(b)+len(suf) > maxName {
			b = b[:maxName-len(suf)]
		}
		name = b + suf
	}
	n.used[name] = true
	return name
}

func (n *namer) fk(cols []string) string { return n.fresh(n.naming.Name("fk", n.table, cols)) }
func (n *namer) uq(cols []string) string { return n.fresh(n.naming.Name("uq", n.table, cols)) }

// ck names a check {table}_check, {table}_check1...: checks span any
// columns, so the name carries none (unless a "ck" template is set).
func (n *namer) ck() string {
	if n.naming.Templates["ck"] != "" {
		return n.fresh(n.naming.Name("ck", n.table, nil))
	}
	base := n.table + "_check"
	if len(base) > maxName {
		base = base[:maxName]
	}
	return n.fresh(base)
}

// namedFK returns fk with a name: its own, else fallback, else a fresh one.
func (n *namer) namedFK(fk *schema.ForeignKey, fallback string) *schema.ForeignKey {
	if fk.Name != "" {
		return fk
	}
	c := *fk
	if fallback != "" {
		c.Name = fallback
		n.take(fallback)
	} else {
		c.Name = n.fk(fk.Columns)
	}
	return &c
}

func (n *namer) namedUnique(u *schema.Unique, fallback string) *schema.Unique {
	if u.Name != "" {
		return u
	}
	c := *u
	if fallback != "" {
		c.Name = fallback
		n.take(fallback)
	} else {
		c.Name = n.uq(u.Columns)
	}
	return &c
}

func (n *namer) namedCheck(ck *schema.Check, fallback string) *schema.Check {
	if ck.Name != "" {
		return ck
	}
	c := *ck
	if fallback != "" {
		c.Name = fallback
		n.take(fallback)
	} else {
		c.Name = n.ck()
	}
	return &c
}
