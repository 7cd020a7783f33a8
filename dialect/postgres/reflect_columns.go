package postgres

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/schema"
)

// reflColumnsQuery reads every column of the reflected tables. A serial
// column is one whose default is nextval of a sequence the column owns.
var reflColumnsQuery = reflTablesCTE + `
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
  pg_get_expr(ad.adbin, ad.adrelid), a.attidentity::text, a.attgenerated::text,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
  coalesce(col_description(a.attrelid, a.attnum), ''),
  EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'a'
      AND pg_get_expr(ad.adbin, ad.adrelid) = 'nextval(' || quote_literal(s.oid::regclass::text) || '::regclass)')
FROM pg_attribute a
JOIN refl_t ON refl_t.oid = a.attrelid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`

func (r *reflector) loadColumns(ctx context.Context) error {
	return r.query(ctx, "columns", reflColumnsQuery, func(rows *sql.Rows) error {
		var (
			oid                 int64
			c                   schema.Column
			notNull, serial     bool
			def, coll           sql.NullString
			identity, generated string
		)
		if err := rows.Scan(&oid, &c.Name, &c.Type, &notNull, &def, &identity, &generated, &coll, &c.Comment, &serial); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			return nil
		}
		c.Nullable = !notNull
		c.Collation = coll.String
		switch identity {
		case "a":
			c.Identity = "ALWAYS"
		case "d":
			c.Identity = "BY DEFAULT"
		}
		switch {
		case generated == "s":
			c.Generated = &schema.Generated{Expr: def.String, Stored: true}
		case serial:
			c.AutoIncrement = true
		case def.Valid:
			d := def.String
			c.Default = &d
		}
		t.Columns = append(t.Columns, &c)
		return nil
	})
}
