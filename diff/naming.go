package diff

import "github.com/retortdb/retort/schema"

// namer hands out constraint names unique within one table.
type namer struct {
	*schema.Namer
	namesChecks bool
}

func newNamer(n schema.Naming, t *schema.Table) *namer {
	return &namer{Namer: n.NewNamer(t), namesChecks: n.NamesChecks()}
}

// namedFK returns fk with a name: its own, else fallback, else a fresh one.
func (n *namer) namedFK(fk *schema.ForeignKey, fallback string) *schema.ForeignKey {
	if fk.Name != "" {
		return fk
	}
	c := *fk
	if fallback != "" {
		c.Name = fallback
		n.Take(fallback)
	} else {
		c.Name = n.FK(fk.Columns)
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
		n.Take(fallback)
	} else {
		c.Name = n.Unique(u.Columns)
	}
	return &c
}

// namedCheck names ck like namedFK, unless the naming keeps unnamed
// checks unnamed: then it stays as the desired schema wrote it, and the
// live check's name (fallback) goes with the check it replaces.
func (n *namer) namedCheck(ck *schema.Check, fallback string) *schema.Check {
	if ck.Name != "" || !n.namesChecks {
		return ck
	}
	c := *ck
	if fallback != "" {
		c.Name = fallback
		n.Take(fallback)
	} else {
		c.Name = n.Check()
	}
	return &c
}
