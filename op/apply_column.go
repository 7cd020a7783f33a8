package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// applyDropColumn removes a column and, as PostgreSQL does, the keys,
// indexes and checks that involve it.
func applyDropColumn(t *schema.Table, name string) {
	t.Columns = applyWithout(t.Columns, func(c *schema.Column) bool { return c.Name == name })
	if t.PrimaryKey != nil && applyHasCol(t.PrimaryKey.Columns, name) {
		t.PrimaryKey = nil
	}
	t.Uniques = applyWithout(t.Uniques, func(u *schema.Unique) bool { return applyHasCol(u.Columns, name) })
	t.ForeignKeys = applyWithout(t.ForeignKeys, func(fk *schema.ForeignKey) bool { return applyHasCol(fk.Columns, name) })
	t.Checks = applyWithout(t.Checks, func(c *schema.Check) bool { return applyMentions(c.Expr, name) })
	t.Indexes = applyWithout(t.Indexes, func(ix *schema.Index) bool { return applyIndexUses(ix, name) })
	t.Exclusions = applyWithout(t.Exclusions, func(x *schema.Exclusion) bool {
		return applyIndexUses(&schema.Index{Parts: x.Parts, Include: x.Include, Where: x.Where}, name)
	})
}

// applyIndexUses reports whether an index names column in a part or in its
// predicate.
func applyIndexUses(ix *schema.Index, column string) bool {
	for _, p := range ix.Parts {
		if strings.EqualFold(p.Column, column) || p.Expr != "" && applyMentions(p.Expr, column) {
			return true
		}
	}
	return ix.Where != "" && applyMentions(ix.Where, column) || applyHasCol(ix.Include, column)
}

// applyRenameColumn renames a column everywhere the database would: the
// table's keys, indexes, checks and generated expressions, and keys of
// other tables that reference it.
func applyRenameColumn(s *schema.Schema, t *schema.Table, old, new string) error {
	c := t.Column(old)
	if c == nil {
		return fmt.Errorf("no column %s.%s", t.Name, old)
	}
	if old != new && t.Column(new) != nil {
		return fmt.Errorf("column %s.%s already exists", t.Name, new)
	}
	c.Name = new
	rw := func(expr string) string {
		return applyRewriteIdents(expr, func(n string) (string, bool) {
			return new, strings.EqualFold(n, old)
		})
	}
	for _, x := range t.Columns {
		if x.Generated != nil {
			x.Generated.Expr = rw(x.Generated.Expr)
		}
	}
	if t.PrimaryKey != nil {
		applyRenameIn(t.PrimaryKey.Columns, old, new)
		applyRenameIn(t.PrimaryKey.Desc, old, new)
	}
	for _, u := range t.Uniques {
		applyRenameIn(u.Columns, old, new)
	}
	for _, ck := range t.Checks {
		ck.Expr = rw(ck.Expr)
	}
	for _, ix := range t.Indexes {
		applyRenameParts(ix.Parts, old, new, rw)
		applyRenameIn(ix.Include, old, new)
		if ix.Where != "" {
			ix.Where = rw(ix.Where)
		}
		ix.SQL = ""
	}
	for _, x := range t.Exclusions {
		applyRenameParts(x.Parts, old, new, rw)
		applyRenameIn(x.Include, old, new)
		if x.Where != "" {
			x.Where = rw(x.Where)
		}
	}
	for _, fk := range t.ForeignKeys {
		applyRenameIn(fk.Columns, old, new)
	}
	for _, x := range s.Tables {
		for _, fk := range x.ForeignKeys {
			if fk.RefTable == t.Name && applyRefSchema(x, fk) == t.Schema {
				applyRenameIn(fk.RefColumns, old, new)
			}
		}
	}
	return nil
}

// applyRenameParts renames column old in index parts, rw rewriting
// expression parts.
func applyRenameParts(parts []schema.IndexPart, old, new string, rw func(string) string) {
	for i := range parts {
		if strings.EqualFold(parts[i].Column, old) {
			parts[i].Column = new
		}
		if parts[i].Expr != "" {
			parts[i].Expr = rw(parts[i].Expr)
		}
	}
}
