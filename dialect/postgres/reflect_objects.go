package postgres

import (
	"context"
	"database/sql"
	"strings"

	"github.com/retortdb/retort/schema"
)

var reflViewsQuery = `
SELECT n.nspname, c.relname, pg_get_viewdef(c.oid, true)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v' AND ` + reflFilter("c.oid")

func (r *reflector) loadViews(ctx context.Context) error {
	return r.query(ctx, "views", reflViewsQuery, func(rows *sql.Rows) error {
		v := &schema.View{}
		if err := rows.Scan(&v.Schema, &v.Name, &v.Def); err != nil {
			return err
		}
		v.Schema = r.schemaName(v.Schema)
		v.Def = reflNormalizeSpace(v.Def)
		r.s.Views = append(r.s.Views, v)
		return nil
	})
}

// reflNormalizeSpace collapses whitespace runs and drops a trailing ";",
// so a view's text does not depend on pg_get_viewdef's line layout.
func reflNormalizeSpace(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(strings.TrimSuffix(s, ";"))
}

var reflTriggersQuery = reflTablesCTE + `
SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true)
FROM pg_trigger t
JOIN refl_t ON refl_t.oid = t.tgrelid
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal`

func (r *reflector) loadTriggers(ctx context.Context) error {
	return r.query(ctx, "triggers", reflTriggersQuery, func(rows *sql.Rows) error {
		tr := &schema.Trigger{}
		if err := rows.Scan(&tr.Schema, &tr.Table, &tr.Name, &tr.SQL); err != nil {
			return err
		}
		tr.Schema = r.schemaName(tr.Schema)
		r.s.Triggers = append(r.s.Triggers, tr)
		return nil
	})
}

var reflEnumsQuery = `
SELECT n.nspname, t.typname, json_agg(e.enumlabel ORDER BY e.enumsortorder)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e' AND ` + reflFilter("t.oid") + `
GROUP BY n.nspname, t.typname`

func (r *reflector) loadEnums(ctx context.Context) error {
	return r.query(ctx, "enum types", reflEnumsQuery, func(rows *sql.Rows) error {
		e := &schema.Enum{}
		var labels sql.NullString
		if err := rows.Scan(&e.Schema, &e.Name, &labels); err != nil {
			return err
		}
		values, err := reflNames(labels)
		if err != nil {
			return err
		}
		e.Schema = r.schemaName(e.Schema)
		e.Values = values
		r.s.Enums = append(r.s.Enums, e)
		return nil
	})
}
