package postgres

import (
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/retortdb/retort/schema"
)

// reflRelationsSQL joins the comments (obj_description is a query per row).
var reflRelationsSQL = `SELECT c.oid, n.nspname, c.relname, c.relkind,
	COALESCE(ds.description, ''),
	CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) ELSE '' END,
	CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END, c.relispopulated,
	CASE WHEN c.relkind = 'v' THEN COALESCE(array_to_string(c.reloptions, ', '), '') ELSE '' END,
	c.relpersistence = 'u'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE ` + reflScopeSQL + ` AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
	AND c.relname NOT IN ` + reflRetortTablesSQL + `
	AND ` + fmt.Sprintf(reflNotExtensionSQL, "pg_class", "c.oid")

func (r *reflector) relations() error {
	rows, err := r.q.QueryContext(r.ctx, reflRelationsSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			oid                                   uint32
			nsp, name, kind, comment, def, partBy string
			viewOpts                              string
			populated, unlogged                   bool
		)
		if err := rows.Scan(&oid, &nsp, &name, &kind, &comment, &def, &partBy, &populated, &viewOpts, &unlogged); err != nil {
			return err
		}
		if kind == "v" || kind == "m" {
			r.s.Views = append(r.s.Views, &schema.View{Schema: r.schemaName(nsp), Name: name, Def: reflViewDef(def), Comment: comment, Options: viewOpts,
				Materialized: kind == "m", NoData: kind == "m" && !populated})
			continue
		}
		t := &schema.Table{Schema: r.schemaName(nsp), Name: name, Comment: comment}
		if partBy != "" {
			setOption(t, optPartitionBy, partBy)
		}
		if unlogged {
			setOption(t, optUnlogged, "true")
		}
		r.tables[oid] = t
		r.s.Tables = append(r.s.Tables, t)
	}
	return rows.Err()
}

// reflViewDef trims pg_get_viewdef's leading space and trailing semicolon.
func reflViewDef(def string) string {
	return strings.TrimSuffix(strings.TrimSpace(def), ";")
}

// reflColumnsSQL: a serial column is one whose default is nextval() of a
// sequence the column owns (pg_depend deptype 'a'); identity sequences
// are 'i' and never match. The owned sequence is looked up only for a
// column with a default (the only ones it can make serial), and comments
// come from a join: col_description runs a query of its own per column,
// which made this the slowest reflection query (issue #15). A default
// cannot refer to a column, so it is printed without its table: given
// one, pg_get_expr opens it (building its relcache entry and locking it),
// three quarters of this query's time; a generation expression can.
var reflColumnsSQL = `SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
	pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END, true), a.attidentity, a.attgenerated,
	CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN co.collname ELSE '' END,
	COALESCE(ds.description, ''),
	CASE WHEN d.adbin IS NOT NULL THEN (SELECT s.oid::regclass::text FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
		WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
		AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
		AND dep.deptype = 'a' AND s.relkind = 'S' LIMIT 1) END,
	CASE WHEN a.attidentity <> '' THEN (SELECT ARRAY[s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle::int]
		FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
		WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
		AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i') END
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
WHERE ` + reflScopeSQL + ` AND c.relkind IN ('r', 'p') AND NOT c.relispartition
	AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`

func (r *reflector) columns() error {
	rows, err := r.q.QueryContext(r.ctx, reflColumnsSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			oid                                     uint32
			num                                     int64
			name, typ, identity, generated, collate string
			comment                                 string
			notNull                                 bool
			def, ownedSeq                           sql.NullString
			seq                                     []int64
		)
		if err := rows.Scan(&oid, &num, &name, &typ, &notNull, &def, &identity, &generated, &collate, &comment, &ownedSeq, int64Array{&seq}); err != nil {
			return err
		}
		r.keys.column(oid, num, name)
		t := r.tables[oid]
		if t == nil {
			continue // a retort or extension table
		}
		c := &schema.Column{Name: name, Type: typ, Nullable: !notNull, Collation: collate, Comment: comment}
		switch identity {
		case "a":
			c.Identity = schema.IdentityAlways
		case "d":
			c.Identity = schema.IdentityByDefault
		}
		if len(seq) == 6 {
			c.IdentityOpts = reflSeqOptions(seq, typ)
		}
		switch {
		case generated == "s" && def.Valid:
			c.Generated = &schema.Generated{Expr: reflStripParens(def.String), Stored: true}
		case def.Valid && ownedSeq.Valid && reflIsSerialDefault(def.String, ownedSeq.String, typ):
			c.AutoIncrement = true
		case def.Valid:
			d := def.String
			c.Default = &d
		}
		t.Columns = append(t.Columns, c)
	}
	return rows.Err()
}

// reflIsSerialDefault reports whether def is nextval() of seq on an integer
// column, the shape serial/bigserial/smallserial create.
func reflIsSerialDefault(def, seq, typ string) bool {
	switch typ {
	case "integer", "bigint", "smallint":
	default:
		return false
	}
	return def == "nextval("+literal(seq)+"::regclass)"
}

// reflSeqOptions turns (start, increment, min, max, cache, cycle) into
// SeqOptions, nil when they are the defaults for an identity of type typ.
func reflSeqOptions(v []int64, typ string) *schema.SeqOptions {
	o := &schema.SeqOptions{Start: v[0], Increment: v[1], Min: v[2], Max: v[3], Cache: v[4], Cycle: v[5] != 0}
	if *o == seqDefaults(typ, o.Increment) && o.Increment == 1 {
		return nil
	}
	return o
}

// seqDefaults are the options a sequence of integer type typ gets when
// only its increment is given.
func seqDefaults(typ string, increment int64) schema.SeqOptions {
	max := int64(math.MaxInt64)
	switch strings.ToLower(typ) {
	case "smallint", "int2":
		max = math.MaxInt16
	case "integer", "int", "int4":
		max = math.MaxInt32
	}
	if increment < 0 {
		return schema.SeqOptions{Start: -1, Increment: increment, Min: -max - 1, Max: -1, Cache: 1}
	}
	return schema.SeqOptions{Start: 1, Increment: increment, Min: 1, Max: max, Cache: 1}
}
