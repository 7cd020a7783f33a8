package postgres

import (
	"context"
	"database/sql"
	"strings"

	"github.com/retortdb/retort/schema"
)

// reflConstraintsQuery reads primary keys, uniques, checks and foreign
// keys of all reflected tables; key columns come in key order.
var reflConstraintsQuery = reflTablesCTE + `
SELECT c.conrelid, c.conname, c.contype::text, c.condeferrable, c.condeferred, c.convalidated,
  c.confdeltype::text, c.confupdtype::text, c.confmatchtype::text, pg_get_constraintdef(c.oid, true),
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num),
  fn.nspname, fc.relname,
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num)
FROM pg_constraint c
JOIN refl_t ON refl_t.oid = c.conrelid
LEFT JOIN pg_class fc ON fc.oid = c.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE c.contype IN ('p', 'u', 'f', 'c')
ORDER BY c.conrelid, c.conname`

// reflActions maps confdeltype/confupdtype codes to SQL.
var reflActions = map[string]string{
	"a": schema.NoAction, "r": schema.Restrict, "c": schema.Cascade,
	"n": schema.SetNull, "d": schema.SetDefault,
}

// reflMatch maps confmatchtype codes to SQL; simple is the default.
var reflMatch = map[string]string{"f": schema.MatchFull, "p": schema.MatchPartial, "s": ""}

func (r *reflector) loadConstraints(ctx context.Context) error {
	return r.query(ctx, "constraints", reflConstraintsQuery, func(rows *sql.Rows) error {
		var (
			oid                             int64
			name, typ, del, upd, match, def string
			deferrable, deferred, validated bool
			cols, refNsp, refTable, refCols sql.NullString
		)
		if err := rows.Scan(&oid, &name, &typ, &deferrable, &deferred, &validated,
			&del, &upd, &match, &def, &cols, &refNsp, &refTable, &refCols); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			return nil
		}
		columns, err := reflNames(cols)
		if err != nil {
			return err
		}
		switch typ {
		case "p":
			t.PrimaryKey = &schema.PrimaryKey{Name: name, Columns: columns}
		case "u":
			t.Uniques = append(t.Uniques, &schema.Unique{Name: name, Columns: columns,
				Deferrable: deferrable, InitiallyDeferred: deferred})
		case "c":
			t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: reflCheckExpr(def)})
		case "f":
			refColumns, err := reflNames(refCols)
			if err != nil {
				return err
			}
			t.ForeignKeys = append(t.ForeignKeys, &schema.ForeignKey{
				Name: name, Columns: columns,
				RefSchema: r.schemaName(refNsp.String), RefTable: refTable.String, RefColumns: refColumns,
				OnDelete: reflActions[del], OnUpdate: reflActions[upd],
				Deferrable: deferrable, InitiallyDeferred: deferred,
				Match: reflMatch[match], NotValid: !validated,
			})
		}
		return nil
	})
}

// reflCheckExpr turns pg_get_constraintdef's "CHECK (expr) [NO INHERIT]
// [NOT VALID]" into expr.
func reflCheckExpr(def string) string {
	e := strings.TrimSpace(def)
	e = strings.TrimSuffix(e, " NOT VALID")
	e = strings.TrimSuffix(e, " NO INHERIT")
	if strings.HasPrefix(e, "CHECK (") && strings.HasSuffix(e, ")") {
		e = e[len("CHECK (") : len(e)-1]
	}
	return strings.TrimSpace(e)
}
