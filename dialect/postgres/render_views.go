package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// viewKind is the statement word of a view: VIEW or MATERIALIZED VIEW.
func viewKind(v *schema.View) string {
	if v.Materialized {
		return "MATERIALIZED VIEW"
	}
	return "VIEW"
}

// createView creates a view; a materialized view is filled unless the
// desired schema made it WITH NO DATA. A view's options (check_option,
// security_barrier, security_invoker) go in WITH (...), the form that
// states WITH CHECK OPTION too.
func createView(v *schema.View) string {
	with := ""
	if v.Options != "" {
		with = " WITH (" + v.Options + ")"
	}
	s := fmt.Sprintf("CREATE %s %s%s AS %s", viewKind(v), qualified(v.Schema, v.Name), with, v.Def)
	if v.Materialized && v.NoData {
		s += " WITH NO DATA"
	}
	return s
}

// setViewOptions renders ALTER VIEW ... RESET for the options From has
// and To does not, then SET for those To adds or changes.
func (r *renderer) setViewOptions(o op.SetViewOptions) {
	from, to := viewOptionMap(o.From), viewOptionMap(o.To)
	var reset, set []string
	for _, kv := range splitViewOptions(o.From) {
		k, _, _ := strings.Cut(kv, "=")
		if _, kept := to[k]; !kept {
			reset = append(reset, k)
		}
	}
	for _, kv := range splitViewOptions(o.To) {
		k, v, _ := strings.Cut(kv, "=")
		if old, ok := from[k]; !ok || old != v {
			set = append(set, kv)
		}
	}
	name := qualified(o.Schema, o.Name)
	if len(reset) > 0 {
		r.emit(fmt.Sprintf("ALTER VIEW %s RESET (%s)", name, strings.Join(reset, ", ")))
	}
	if len(set) > 0 {
		r.emit(fmt.Sprintf("ALTER VIEW %s SET (%s)", name, strings.Join(set, ", ")))
	}
}

// splitViewOptions splits "check_option=local, security_barrier=true"
// (the catalog's reloptions joined) into its key=value items.
func splitViewOptions(s string) []string {
	var out []string
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv != "" {
			out = append(out, kv)
		}
	}
	return out
}

func viewOptionMap(s string) map[string]string {
	m := map[string]string{}
	for _, kv := range splitViewOptions(s) {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}
