package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// createView writes CREATE VIEW with the view's options (see loadViews);
// no DEFINER.
func createView(v *schema.View) string {
	opts := map[string]string{}
	for _, kv := range strings.Split(v.Options, ",") {
		if k, val, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
			opts[k] = val
		}
	}
	s := "CREATE "
	if a := opts["algorithm"]; a != "" {
		s += "ALGORITHM=" + a + " "
	}
	if sec := opts["sql_security"]; sec != "" {
		s += "SQL SECURITY " + sec + " "
	}
	s += "VIEW " + viewName(v) + " AS " + v.Def
	if c := opts["check_option"]; c != "" {
		s += " WITH " + c + " CHECK OPTION"
	}
	return s
}

// A view that is dropped and created again in one migration (its
// definition changed, or a table under it was rebuilt) is replaced
// instead: MySQL keeps no dependencies of a view, so nothing needs it
// gone in between, and CREATE OR REPLACE leaves no moment without it.
// The drop is left out when a create of the same view follows it, and
// that create replaces.

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
			s = orReplace(s)
			break
		}
	}
	r.emit(s)
}

func orReplace(createStmt string) string {
	return "CREATE OR REPLACE" + strings.TrimPrefix(createStmt, "CREATE")
}

// setViewOptions replaces the view with its new options: MySQL's ALTER
// VIEW also needs the whole definition, so it is no shorter.
func (r *renderer) setViewOptions(o op.SetViewOptions) error {
	v := r.state.View(o.Schema, o.Name)
	if v == nil {
		return fmt.Errorf("view %s is not in the current schema, so its definition is unknown", o.Name)
	}
	changed := *v
	changed.Options = o.To
	r.emit(orReplace(createView(&changed)))
	return nil
}

func sameView(a, b *schema.View) bool { return a.Schema == b.Schema && a.Name == b.Name }
