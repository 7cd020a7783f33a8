package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// A check written on a column (schema.Check.Column) is part of the
// column's definition on MariaDB: it is created, kept and removed only by
// writing the column out (ADD or MODIFY COLUMN), and DROP CONSTRAINT does
// not reach it. Every column definition the renderer writes carries the
// column's checks, so changing a column keeps them.

// colDef is the column's definition with the column checks t holds.
func colDef(t *schema.Table, c *schema.Column) string {
	return columnDef(c) + columnChecks(t, c.Name, nil)
}

// columnChecks writes the checks of t on column col, skipping skip.
func columnChecks(t *schema.Table, col string, skip *schema.Check) string {
	if t == nil {
		return ""
	}
	s := ""
	for _, ck := range t.Checks {
		if ck != skip && ck.Column != "" && strings.EqualFold(ck.Column, col) && !sameCheck(ck, skip) {
			s += " CHECK (" + ck.Expr + ")"
		}
	}
	return s
}

func sameCheck(a, b *schema.Check) bool {
	return b != nil && a.Name == b.Name && a.Expr == b.Expr && strings.EqualFold(a.Column, b.Column)
}

// stateColDef is colDef for a column of a table the renderer tracks.
func (r *renderer) stateColDef(ref op.Ref, c *schema.Column) string {
	return colDef(r.state.Table(ref.Schema, ref.Name), c)
}

// columnCheckClause adds (add) or removes a column check by writing its
// column out again.
func (r *renderer) columnCheckClause(ref op.Ref, ck *schema.Check, add bool) (string, error) {
	t := r.state.Table(ref.Schema, ref.Name)
	var c *schema.Column
	if t != nil {
		c = t.Column(ck.Column)
	}
	if c == nil {
		return "", fmt.Errorf("column %s of %s is not in the current schema, so its check %s cannot be written on it", ck.Column, ref, ck.Name)
	}
	def := columnDef(c) + columnChecks(t, c.Name, ck)
	if add {
		def += " CHECK (" + ck.Expr + ")"
	}
	return "MODIFY COLUMN " + def, nil
}
