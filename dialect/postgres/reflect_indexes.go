package postgres

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/schema"
)

// reflIndexesQuery reads every key part of every index that does not back
// a primary key, unique or exclusion constraint: one row per part.
var reflIndexesQuery = reflTablesCTE + `
SELECT i.indrelid, ic.relname, i.indisunique, am.amname,
  coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''),
  pg_get_indexdef(i.indexrelid, k.n, true), a.attname,
  (i.indoption[k.n - 1] & 1) = 1,
  CASE WHEN NOT oc.opcdefault THEN oc.opcname END,
  CASE WHEN i.indcollation[k.n - 1] NOT IN (0, 100)
        AND i.indcollation[k.n - 1] <> coalesce(a.attcollation, 0) THEN co.collname END
FROM pg_index i
JOIN refl_t ON refl_t.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) k(n)
LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[k.n - 1]
LEFT JOIN pg_collation co ON co.oid = i.indcollation[k.n - 1]
LEFT JOIN pg_attribute a ON i.indkey[k.n - 1] <> 0 AND a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c
  WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname, k.n`

func (r *reflector) loadIndexes(ctx context.Context) error {
	var last *schema.Index
	var lastTable int64
	return r.query(ctx, "indexes", reflIndexesQuery, func(rows *sql.Rows) error {
		var (
			oid                        int64
			name, method, where, part  string
			unique, desc               bool
			column, opclass, collation sql.NullString
		)
		if err := rows.Scan(&oid, &name, &unique, &method, &where, &part, &column, &desc, &opclass, &collation); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			return nil
		}
		if last == nil || lastTable != oid || last.Name != name {
			if method == "btree" {
				method = ""
			}
			last = &schema.Index{Name: name, Unique: unique, Where: where, Method: method}
			lastTable = oid
			t.Indexes = append(t.Indexes, last)
		}
		p := schema.IndexPart{Desc: desc, OpClass: opclass.String, Collation: collation.String}
		if column.Valid {
			p.Column = column.String
		} else {
			p.Expr = part
		}
		last.Parts = append(last.Parts, p)
		return nil
	})
}
