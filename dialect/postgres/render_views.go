package postgres

import (
	"fmt"

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
