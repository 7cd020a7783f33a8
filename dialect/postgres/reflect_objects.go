package postgres

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// reflTriggersSQL: pretty pg_get_triggerdef qualifies the table and function
// only when the search path does not reach them, so the same trigger
// reflects alike in the target and in a scratch schema.
var reflTriggersSQL = `SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true)
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ` + reflScopeSQL + ` AND NOT t.tgisinternal AND c.relname NOT IN ` + reflRetortTablesSQL + `
	AND (t.tgparentid = 0) AND NOT c.relispartition`

func (r *reflector) triggers() error {
	rows, err := r.q.QueryContext(r.ctx, reflTriggersSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, table, name, def string
		if err := rows.Scan(&nsp, &table, &name, &def); err != nil {
			return err
		}
		r.s.Triggers = append(r.s.Triggers, &schema.Trigger{Schema: r.schemaName(nsp), Name: name, Table: table, SQL: def})
	}
	return rows.Err()
}

var reflEnumsSQL = `SELECT n.nspname, t.typname, e.enumlabel
FROM pg_enum e
JOIN pg_type t ON t.oid = e.enumtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE ` + reflScopeSQL + ` AND ` + fmt.Sprintf(reflNotExtensionSQL, "pg_type", "t.oid") + `
ORDER BY n.nspname, t.typname, e.enumsortorder`

func (r *reflector) enums() error {
	rows, err := r.q.QueryContext(r.ctx, reflEnumsSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.Enum
	for rows.Next() {
		var nsp, name, label string
		if err := rows.Scan(&nsp, &name, &label); err != nil {
			return err
		}
		sch := r.schemaName(nsp)
		if last == nil || last.Schema != sch || last.Name != name {
			last = &schema.Enum{Schema: sch, Name: name}
			r.s.Enums = append(r.s.Enums, last)
		}
		last.Values = append(last.Values, label)
	}
	return rows.Err()
}
