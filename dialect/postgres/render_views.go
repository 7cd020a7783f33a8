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
// desired schema made it WITH NO DATA.
func createView(v *schema.View) string {
	s := fmt.Sprintf("CREATE %s %s AS %s", viewKind(v), qualified(v.Schema, v.Name), v.Def)
	if v.Materialized && v.NoData {
		s += " WITH NO DATA"
	}
	return s
}
