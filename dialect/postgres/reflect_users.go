package postgres

import (
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/schema"
)

// reflUsersSQL lists the table items that use the functions and types
// $1 (oids), as (position in the list, kind, namespace, table, name):
// what the server refuses to drop a function or a domain under (see
// schema.ObjectUser). Objects retort models with dependencies of their
// own (functions, policies, domains, composite types, event triggers)
// are left out: their Deps order them. What diff cannot drop and create
// (a column of a domain's type, a rule, an operator...) comes as the
// kind pg_identify_object names, or "column", so diff refuses it.
const reflUsersSQL = `WITH o AS (SELECT oid::oid AS oid, i FROM unnest($1::text[]) WITH ORDINALITY u(oid, i))
SELECT DISTINCT o.i, u.kind, u.nsp, u.tbl, u.name
FROM o JOIN pg_depend dp ON dp.refobjid = o.oid AND dp.refclassid IN ('pg_proc'::regclass, 'pg_type'::regclass) AND dp.deptype = 'n'
CROSS JOIN LATERAL (
	SELECT CASE WHEN a.attgenerated <> '' THEN 'generated column' ELSE 'default' END AS kind, n.nspname::text AS nsp, c.relname::text AS tbl,
		a.attname::text AS name
	FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
	JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE dp.classid = 'pg_attrdef'::regclass AND ad.oid = dp.objid
	UNION ALL
	SELECT CASE k.contype WHEN 'c' THEN 'check' ELSE 'constraint' END, n.nspname::text, c.relname::text, k.conname::text
	FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE dp.classid = 'pg_constraint'::regclass AND k.oid = dp.objid
	UNION ALL
	SELECT CASE WHEN k.conname IS NOT NULL THEN 'constraint' WHEN t.relkind = 'm' THEN 'materialized view index' ELSE 'index' END,
		n.nspname::text, t.relname::text, COALESCE(k.conname, c.relname)::text
	FROM pg_class c JOIN pg_index x ON x.indexrelid = c.oid JOIN pg_class t ON t.oid = x.indrelid
	JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_constraint k ON k.conindid = c.oid AND k.conrelid = t.oid
	WHERE dp.classid = 'pg_class'::regclass AND c.oid = dp.objid
	UNION ALL
	SELECT CASE WHEN c.relkind IN ('v', 'm') THEN 'view' WHEN dp.objsubid > 0 THEN 'column' ELSE 'table' END, n.nspname::text,
		CASE WHEN c.relkind IN ('v', 'm') THEN '' ELSE c.relname::text END,
		CASE WHEN c.relkind IN ('v', 'm') OR dp.objsubid = 0 THEN c.relname::text
			ELSE (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = dp.objsubid) END
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE dp.classid = 'pg_class'::regclass AND c.oid = dp.objid AND c.relkind NOT IN ('i', 'c', 'S')
	UNION ALL
	SELECT CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'rule' END, n.nspname::text,
		CASE WHEN c.relkind IN ('v', 'm') THEN '' ELSE c.relname::text END, CASE WHEN c.relkind IN ('v', 'm') THEN c.relname ELSE rw.rulename END::text
	FROM pg_rewrite rw JOIN pg_class c ON c.oid = rw.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE dp.classid = 'pg_rewrite'::regclass AND rw.oid = dp.objid
	UNION ALL
	SELECT 'trigger', n.nspname::text, c.relname::text, tg.tgname::text
	FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE dp.classid = 'pg_trigger'::regclass AND tg.oid = dp.objid AND NOT tg.tgisinternal
	UNION ALL
	SELECT io.type, COALESCE(io.schema, ''), '', io.identity
	FROM pg_identify_object(dp.classid, dp.objid, dp.objsubid) io
	WHERE dp.classid NOT IN ('pg_attrdef'::regclass, 'pg_constraint'::regclass, 'pg_class'::regclass, 'pg_rewrite'::regclass,
			'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_event_trigger'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass)
		OR dp.classid = 'pg_proc'::regclass AND (SELECT p.prokind FROM pg_proc p WHERE p.oid = dp.objid) NOT IN ('f', 'p')
		OR dp.classid = 'pg_type'::regclass AND (SELECT t.typtype FROM pg_type t WHERE t.oid = dp.objid) NOT IN ('d', 'c')
) u
ORDER BY 1, 2, 3, 4, 5`

// objectUsers reads the users (schema.ObjectUser) of the objects of the
// given oids, by position in the list (0-based).
func (r *reflector) objectUsers(oids []string) (map[int][]schema.ObjectUser, error) {
	out := map[int][]schema.ObjectUser{}
	if len(oids) == 0 {
		return out, nil
	}
	err := r.each(reflUsersSQL, []any{oids}, func(rows *sql.Rows) error {
		var i int
		var u schema.ObjectUser
		if err := rows.Scan(&i, &u.Kind, &u.Schema, &u.Table, &u.Name); err != nil {
			return err
		}
		if i < 1 || i > len(oids) {
			return fmt.Errorf("user of object %d of %d", i, len(oids))
		}
		u.Schema = r.schemaName(u.Schema)
		out[i-1] = append(out[i-1], u)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("users of functions and types: %w", err)
	}
	return out, nil
}

// usersOf reads the users of the functions and types among rows (their
// catalog and oid by at) and gives each its own with set.
func usersOf[T any](r *reflector, rows []T, at func(T) (cat, oid string), set func(T, []schema.ObjectUser)) error {
	var oids []string
	var of []T
	for _, x := range rows {
		if cat, oid := at(x); cat == "pg_proc" || cat == "pg_type" {
			oids, of = append(oids, oid), append(of, x)
		}
	}
	users, err := r.objectUsers(oids)
	if err != nil {
		return err
	}
	for i, u := range users {
		set(of[i], u)
	}
	return nil
}

// usersAsDeps moves the users that are SQL objects themselves (an index
// of a materialized view) into those objects' Deps.
func usersAsDeps(objs []*schema.SQLObject) {
	byKey := make(map[string]*schema.SQLObject, len(objs))
	for _, o := range objs {
		byKey[o.Key()] = o
	}
	for _, o := range objs {
		kept := o.Users[:0]
		for _, u := range o.Users {
			if x := byKey[schema.ObjectKey(u.Kind, u.Schema, u.Table, u.Name)]; x != nil && u.Kind == "materialized view index" {
				x.Deps = append(x.Deps, o.Key())
				continue
			}
			kept = append(kept, u)
		}
		if len(kept) == 0 {
			kept = nil
		}
		o.Users = kept
	}
}
