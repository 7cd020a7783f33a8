package postgres

import (
	"database/sql"

	"github.com/retortdb/retort/schema"
)

// reflIndexesSQL returns one row per column of every index that does not
// back a primary key or unique constraint: plain indexes and those of
// exclusion constraints (x.conexclop holds each key part's operator).
// indkey 0 marks an expression part (pg_get_indexdef, a catalog lookup
// per call, runs only for those); parts past indnkeyatts are INCLUDE
// columns. Collation and operator class are reported only when they
// differ from the default, NULLS FIRST/LAST only against the direction's
// default. indisvalid is false for an index a failed or interrupted
// build left behind.
const reflIndexesSQL = `SELECT i.indrelid, i.indexrelid, ic.relname, i.indisunique, am.amname,
	COALESCE(pg_get_expr(i.indpred, i.indrelid, true), ''),
	k.ord, k.attnum, COALESCE(a.attname, ''), CASE WHEN COALESCE(k.attnum, 0) = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE '' END,
	COALESCE(k.opt & 1 = 1, false), COALESCE(k.opt & 2 = 2, false), k.ord > i.indnkeyatts,
	CASE WHEN opc.opcdefault OR opc.oid IS NULL THEN '' ELSE opc.opcname END,
	CASE WHEN k.coll <> 0 AND k.coll <> COALESCE(a.attcollation, 100) THEN co.collname ELSE '' END,
	CASE WHEN k.ord = 1 THEN COALESCE(array_to_string(ic.reloptions, ', '), '') ELSE '' END,
	CASE WHEN k.ord = 1 THEN COALESCE(d.description, '') ELSE '' END,
	$NND,
	CASE WHEN x.oid IS NOT NULL AND k.ord <= i.indnkeyatts THEN (SELECT o.oprname FROM pg_operator o WHERE o.oid = x.conexclop[k.ord]) ELSE '' END,
	x.oid IS NOT NULL, i.indisvalid
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
LEFT JOIN pg_description d ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND k.ord = 1
LEFT JOIN pg_constraint x ON x.conindid = i.indexrelid AND x.conrelid = i.indrelid AND x.contype = 'x'
WHERE ` + reflScopeSQL + ` AND c.relkind IN ('r', 'p') AND NOT c.relispartition
	AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.conrelid = i.indrelid AND x.contype IN ('p', 'u'))
ORDER BY i.indrelid, ic.relname, k.ord`

func (r *reflector) indexes() error {
	rows, err := r.q.QueryContext(r.ctx, reflVersioned(reflIndexesSQL, r.version))
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.Index
	var lastOid uint32
	for rows.Next() {
		var (
			oid, ixOid                                                uint32
			name, method, where, col, def, opc, coll, params, comment string
			oper                                                      string
			unique, desc, nullsFirst, included, nnd, exclusion, valid bool
			ord                                                       int
			attnum                                                    sql.NullInt64
		)
		if err := rows.Scan(&oid, &ixOid, &name, &unique, &method, &where, &ord, &attnum, &col, &def,
			&desc, &nullsFirst, &included, &opc, &coll, &params, &comment, &nnd, &oper, &exclusion, &valid); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			continue
		}
		if last == nil || lastOid != ixOid {
			if method == "btree" {
				method = ""
			}
			last = &schema.Index{Name: name, Unique: unique, Where: where, Method: method,
				Params: params, NullsNotDistinct: nnd, Comment: comment, Invalid: !valid}
			lastOid = ixOid
			if exclusion {
				r.exclusionIndexes[ixOid] = last
			} else {
				t.Indexes = append(t.Indexes, last)
			}
		}
		if included {
			last.Include = append(last.Include, col)
		} else {
			p := schema.IndexPart{Column: col, Desc: desc, OpClass: opc, Collation: coll, Operator: oper}
			if attnum.Int64 == 0 {
				p.Column, p.Expr = "", reflStripParens(def)
			}
			if nullsFirst != desc {
				p.Nulls = map[bool]string{true: "FIRST", false: "LAST"}[nullsFirst]
			}
			last.Parts = append(last.Parts, p)
		}
	}
	return rows.Err()
}

// joinExclusionIndexes gives each exclusion constraint what its index holds.
func (r *reflector) joinExclusionIndexes() error {
	for oid, x := range r.exclusions {
		if ix := r.exclusionIndexes[oid]; ix != nil {
			x.Method, x.Where, x.Params = ix.Method, ix.Where, ix.Params
			x.Parts, x.Include = ix.Parts, ix.Include
		}
	}
	return nil
}
