package mysql

import "github.com/retortdb/retort/schema"

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
