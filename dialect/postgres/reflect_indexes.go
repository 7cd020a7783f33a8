package postgres

import (
	"database/sql"

	"github.com/retortdb/retort/schema"
)

// reflIndexesSQL returns one row per key part of every index that does not
// back a constraint (those are the primary key, uniques and exclusion
// constraints). indkey 0 marks an expression part. Collation and operator
// class are reported only when they differ from the default.
const reflIndexesSQL = `SELECT i.indrelid, ic.relname, i.indisunique, am.amname,
	COALESCE(pg_get_expr(i.indpred, i.indrelid, true), ''),
	k.ord, k.attnum, COALESCE(a.attname, ''), pg_get_indexdef(i.indexrelid, k.ord::int, true),
	(k.opt & 1) = 1,
	CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END,
	CASE WHEN k.coll <> 0 AND k.coll <> COALESCE(a.attcollation, 100) THEN co.collname ELSE '' END
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[], i.indcollation::oid[], i.indoption::int2[])
	WITH ORDINALITY AS k(attnum, cls, coll, opt, ord)
LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
LEFT JOIN pg_opclass opc ON opc.oid = k.cls
LEFT JOIN pg_collation co ON co.oid = k.coll
WHERE ` + reflScopeSQL + ` AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND k.ord <= i.indnkeyatts
	AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.conrelid = i.indrelid AND x.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname, k.ord`

func (r *reflector) indexes() error {
	rows, err := r.q.QueryContext(r.ctx, reflIndexesSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.Index
	var lastTable uint32
	for rows.Next() {
		var (
			oid                                      uint32
			name, method, where, col, def, opc, coll string
			unique, desc                             bool
			ord                                      int
			attnum                                   sql.NullInt64
		)
		if err := rows.Scan(&oid, &name, &unique, &method, &where, &ord, &attnum, &col, &def, &desc, &opc, &coll); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			continue
		}
		if last == nil || lastTable != oid || last.Name != name {
			if method == "btree" {
				method = ""
			}
			last = &schema.Index{Name: name, Unique: unique, Where: where, Method: method}
			lastTable = oid
			t.Indexes = append(t.Indexes, last)
		}
		p := schema.IndexPart{Column: col, Desc: desc, OpClass: opc, Collation: coll}
		if attnum.Int64 == 0 {
			p.Column, p.Expr = "", reflStripParens(def)
		}
		last.Parts = append(last.Parts, p)
	}
	return rows.Err()
}
