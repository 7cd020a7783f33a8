package mysql

import (
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// createView writes CREATE VIEW with the view's options; no DEFINER (see
// loadViews).
func createView(v *schema.View) string {
	s := "CREATE "
	if v.Options != "" {
		s += v.Options + " "
	}
	s += "VIEW " + viewName(v) + " AS " + v.Def
	if v.CheckOption != "" {
		s += " WITH " + v.CheckOption + " CHECK OPTION"
	}
	return s
}

// A view that is dropped and created again in one migration (its
// definition or options changed, or a table under it was rebuilt) is
// replaced instead: MySQL keeps no dependencies of a view, so nothing
// needs it gone in between, and CREATE OR REPLACE leaves no moment
// without it. The drop is left out when a create of the same view
// follows it, and that create replaces.

func (r *renderer) dropView(i int, v *schema.View) {
	for _, o := range r.ops[i+1:] {
		if c, ok := o.(op.CreateView); ok && sameView(c.View, v) {
			return
		}
	}
	r.emit("DROP VIEW " + viewName(v))
}

func (r *renderer) createView(i int, v *schema.View) {
	s := createView(v)
	for _, o := range r.ops[:i] {
		if d, ok := o.(op.DropView); ok && sameView(d.View, v) {
			s = "CREATE OR REPLACE" + strings.TrimPrefix(s, "CREATE")
			break
		}
	}
	r.emit(s)
}

func sameView(a, b *schema.View) bool { return a.Schema == b.Schema && a.Name == b.Name }
