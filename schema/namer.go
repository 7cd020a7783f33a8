package schema

import "strconv"

// Namer hands out constraint names unique within one table: a template
// name, then name1, name2... when taken, the way PostgreSQL picks its own.
type Namer struct {
	naming Naming
	table  string
	used   map[string]bool
}

// NewNamer starts a Namer with every name t already uses (constraints and
// indexes share one namespace on PostgreSQL).
func (n Naming) NewNamer(t *Table) *Namer {
	nm := &Namer{naming: n, table: t.Name, used: map[string]bool{}}
	if t.PrimaryKey != nil {
		nm.Take(t.PrimaryKey.Name)
	}
	for _, fk := range t.ForeignKeys {
		nm.Take(fk.Name)
	}
	for _, u := range t.Uniques {
		nm.Take(u.Name)
	}
	for _, c := range t.Checks {
		nm.Take(c.Name)
	}
	for _, ix := range t.Indexes {
		nm.Take(ix.Name)
	}
	return nm
}

// Take marks a name as used.
func (n *Namer) Take(name string) {
	if name != "" {
		n.used[name] = true
	}
}

// Fresh returns base, or base1, base2... when taken, cut to fit the
// naming's MaxLen, and marks it used.
func (n *Namer) Fresh(base string) string {
	name := base
	for i := 1; n.used[name]; i++ {
		suf := strconv.Itoa(i)
		b := base
		if limit := n.naming.MaxLen; limit > 0 && len(b)+len(suf) > limit {
			b = b[:limit-len(suf)]
		}
		name = b + suf
	}
	n.used[name] = true
	return name
}

// PK, FK and Unique name a key over cols by the convention.
func (n *Namer) PK(cols []string) string {
	return n.Fresh(n.naming.Name(KindPrimaryKey, n.table, cols))
}
func (n *Namer) FK(cols []string) string {
	return n.Fresh(n.naming.Name(KindForeignKey, n.table, cols))
}
func (n *Namer) Unique(cols []string) string {
	return n.Fresh(n.naming.Name(KindUnique, n.table, cols))
}

// Check names a check {table}_check, {table}_check1...: checks span any
// columns, so the name carries none (unless a "ck" template is set).
func (n *Namer) Check() string {
	if n.naming.Templates[string(KindCheck)] != "" {
		return n.Fresh(n.naming.Name(KindCheck, n.table, nil))
	}
	return n.Fresh(n.naming.cut(n.table + "_check"))
}

// NameConstraints gives every unnamed key and check of t a name, in place,
// so whatever retort creates can later be dropped by name; checks stay
// unnamed where the naming keeps them so (Naming.NamesChecks).
func (n Naming) NameConstraints(t *Table) {
	nm := n.NewNamer(t)
	if pk := t.PrimaryKey; pk != nil && pk.Name == "" && len(pk.Columns) > 0 {
		pk.Name = nm.PK(pk.Columns)
	}
	for _, u := range t.Uniques {
		if u.Name == "" {
			u.Name = nm.Unique(u.Columns)
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" && n.NamesChecks() {
			c.Name = nm.Check()
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" {
			fk.Name = nm.FK(fk.Columns)
		}
	}
}
