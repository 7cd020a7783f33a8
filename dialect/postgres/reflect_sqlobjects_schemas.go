package postgres

import "github.com/retortdb/retort/schema"

// schemaObjects models the search path's schemas that exist as objects
// of kind "schema": the scratch database has them all, so one the live
// database lacks is created (first) by the upgrade rather than left for
// PostgreSQL to skip, putting its tables in the next schema. The drop
// has no CASCADE: it fails rather than take anything with it. public is
// left out: every new database has it, so a model that names no schema
// (one declared in Go, an empty database) means it too.
func (r *reflector) schemaObjects() {
	for _, s := range r.path.schemas {
		if !r.path.exists[s] || s == "public" {
			continue
		}
		r.s.Objects = append(r.s.Objects, &schema.SQLObject{
			Kind:   "schema",
			Name:   s,
			Create: []string{"CREATE SCHEMA " + quote(s)},
			Drop:   []string{"DROP SCHEMA " + quote(s)},
			Phase:  schema.Container,
		})
	}
}
