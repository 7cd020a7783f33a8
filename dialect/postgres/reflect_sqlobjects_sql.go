package postgres

import (
	"fmt"
	"strings"
)

// The SQL objects (schema.SQLObject) are read by one query: a branch per
// kind, each catalog-wide, returning (kind, namespace, table, name,
// fields, catalog, oid). fields are the kind's catalog facts in a fixed
// order (see reflect_sqlobjects.go); catalog and oid ('' and 0 for kinds
// whose dependencies are known otherwise) are where reflDepsSQL reads
// the dependencies, in a second query sent only when there are such
// objects: computing them in the first made it plan slowly (and JIT
// compile) even on a database without any. A key's parts (kind,
// namespace, table, name) are joined by reflDepSep.

// reflDepSep separates the parts of a dependency key in the query's text.
const reflDepSep = "\x1f"

// reflDepKeySQL is the dependency key of the object dp.refclassid /
// dp.refobjid that the model holds, else NULL: an extension, or what an
// extension owns (its types and functions); a domain, a composite type,
// a function or procedure, a sequence, a table or view of the reflected
// schemas. An array type stands for its element type.
var reflDepKeySQL = `(SELECT CASE WHEN xk.extname IS NOT NULL THEN concat_ws(E'\x1f', 'extension', xk.nspname, '', xk.extname)
	WHEN NOT (xk.nsp = ANY (current_schemas(false))) OR xk.nsp IN ('pg_catalog', 'information_schema') THEN NULL
	ELSE concat_ws(E'\x1f', xk.kind, xk.nsp, '', xk.name) END
FROM (SELECT ro.kind, ro.nsp, ro.name, x.extname::text, xn.nspname::text
	FROM (SELECT CASE WHEN dp.refclassid = 'pg_type'::regclass THEN (SELECT CASE WHEN e.typarray = t.oid THEN e.oid ELSE t.oid END
			FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem WHERE t.oid = dp.refobjid) ELSE dp.refobjid END AS oid) r
	CROSS JOIN LATERAL (
		SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN CASE WHEN (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'
			THEN 'composite type' END END AS kind, tn.nspname::text AS nsp, t.typname::text AS name
		FROM pg_type t JOIN pg_namespace tn ON tn.oid = t.typnamespace WHERE dp.refclassid = 'pg_type'::regclass AND t.oid = r.oid
		UNION ALL
		SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'f' THEN 'function' END, pn.nspname::text, p.proname || '(' || oidvectortypes(p.proargtypes) || ')'
		FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE dp.refclassid = 'pg_proc'::regclass AND p.oid = r.oid
		UNION ALL
		SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' WHEN c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
				AND c.relname NOT IN $RETORT THEN 'table' END, cn.nspname::text, c.relname::text
		FROM pg_class c JOIN pg_namespace cn ON cn.oid = c.relnamespace WHERE dp.refclassid = 'pg_class'::regclass AND c.oid = r.oid
		UNION ALL
		SELECT 'extension', en.nspname::text, x.extname::text
		FROM pg_extension x JOIN pg_namespace en ON en.oid = x.extnamespace WHERE dp.refclassid = 'pg_extension'::regclass AND x.oid = r.oid
	) ro
	LEFT JOIN pg_depend xd ON xd.classid = dp.refclassid AND xd.objid = r.oid AND xd.deptype = 'e' AND dp.refclassid <> 'pg_extension'::regclass
	LEFT JOIN pg_extension x ON x.oid = xd.refobjid LEFT JOIN pg_namespace xn ON xn.oid = x.extnamespace
	WHERE ro.kind IS NOT NULL OR x.oid IS NOT NULL) xk)`

// reflDepsSQL lists the dependency keys of the objects $1 (catalog
// names) / $2 (oids), as (position in the lists, key): what pg_depend
// records for each, and for a domain what its checks use. It runs only
// when the objects query found objects that may depend on others.
var reflDepsSQL = reflExpand(`WITH o AS (SELECT cat::regclass AS cat, oid::oid AS oid, i FROM unnest($1::text[], $2::text[]) WITH ORDINALITY u(cat, oid, i)),
d AS (SELECT o.i, dp.refclassid, dp.refobjid FROM o JOIN pg_depend dp ON dp.classid = o.cat AND dp.objid = o.oid AND dp.deptype = 'n'
	UNION ALL
	SELECT o.i, dp.refclassid, dp.refobjid FROM o JOIN pg_constraint dc ON o.cat = 'pg_type'::regclass AND dc.contypid = o.oid
	JOIN pg_depend dp ON dp.classid = 'pg_constraint'::regclass AND dp.objid = dc.oid AND dp.deptype = 'n')
SELECT DISTINCT dp.i, k FROM d dp CROSS JOIN LATERAL (SELECT ` + reflDepKeySQL + ` AS k) dk WHERE k IS NOT NULL ORDER BY 1, 2`)

// reflNotPartSQL leaves out relation oid when an extension owns it or
// it is part of another object; a partitioned table's internal
// dependency on its own key columns does not count.
func reflNotPartSQL(oid string) string {
	return fmt.Sprintf(`NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = %[1]s
	AND e.deptype IN ('e', 'i') AND NOT (e.refclassid = 'pg_class'::regclass AND e.refobjid = %[1]s))`, oid)
}

// reflObjectBranch is a branch of the SQL-object query, sent when the
// census (reflObjectsCensusSQL) finds its need.
type reflObjectBranch struct{ need, sql string }

// reflObjectBranches are the branches of the SQL-object query.
var reflObjectBranches = []reflObjectBranch{
	// Extensions of the reflected schemas: fields version.
	{"extension", `SELECT 'extension'::text, n.nspname::text, ''::text, x.extname::text, ARRAY[x.extversion], 'pg_extension', x.oid
FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE $SCOPE`},

	// Sequences that are not part of a column (serial, identity): fields
	// type, start, increment, min, max, cache, cycle, comment, and the
	// namespace, table and column that own it ("" if none).
	{"sequence", `SELECT 'sequence', n.nspname::text, '', c.relname::text, ARRAY[format_type(s.seqtypid, NULL), s.seqstart::text, s.seqincrement::text,
	s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle::text, COALESCE(obj_description(c.oid, 'pg_class'), ''),
	COALESCE(ow.nsp, ''), COALESCE(ow.tbl, ''), COALESCE(ow.col, '')], '', 0::oid
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (SELECT tn.nspname::text AS nsp, tc.relname::text AS tbl, a.attname::text AS col
	FROM pg_depend od JOIN pg_class tc ON tc.oid = od.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
	JOIN pg_attribute a ON a.attrelid = od.refobjid AND a.attnum = od.refobjsubid
	WHERE od.classid = 'pg_class'::regclass AND od.objid = c.oid AND od.objsubid = 0 AND od.refclassid = 'pg_class'::regclass
		AND od.refobjsubid > 0 AND od.deptype = 'a') ow ON true
WHERE $SCOPE AND NOT EXISTS (SELECT 1 FROM pg_depend od WHERE $OWNED) AND ` + reflNotPartSQL("c.oid")},

	// Functions and procedures (aggregates and window functions are
	// reported by the inventory): fields definition, identity arguments,
	// arguments, result, language, whether the body is SQL-standard
	// (parsed, its dependencies recorded), comment.
	{"function", `SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname::text, '', p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
	ARRAY[pg_get_functiondef(p.oid), pg_get_function_identity_arguments(p.oid), pg_get_function_arguments(p.oid),
		COALESCE(pg_get_function_result(p.oid), ''), l.lanname::text, (p.prosqlbody IS NOT NULL)::text, COALESCE(obj_description(p.oid, 'pg_proc'), ''),
		p.proname::text], 'pg_proc', p.oid
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid >= 16384 AND p.prokind IN ('f', 'p') AND $SCOPE AND ` + invNotPart("pg_proc", "p.oid")},

	// Domains: fields base type, collation ("" for the base type's),
	// NOT NULL, default ("" for none), CHECK constraints (name TAB
	// definition, one a line), comment.
	{"domain", `SELECT 'domain', n.nspname::text, '', t.typname::text, ARRAY[format_type(t.typbasetype, t.typtypmod),
	COALESCE((SELECT t.typcollation::regcollation::text FROM pg_type bt WHERE bt.oid = t.typbasetype AND bt.typcollation <> t.typcollation), ''),
	t.typnotnull::text, COALESCE(t.typdefault, ''),
	COALESCE((SELECT string_agg(quote_ident(dc.conname) || E'\t' || pg_get_constraintdef(dc.oid, true), E'\n' ORDER BY dc.conname)
		FROM pg_constraint dc WHERE dc.contypid = t.oid AND dc.contype = 'c'), ''),
	COALESCE(obj_description(t.oid, 'pg_type'), '')], 'pg_type', t.oid
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid >= 16384 AND t.typtype = 'd' AND $SCOPE AND ` + invNotPart("pg_type", "t.oid")},

	// Composite types: fields attributes (name TAB type TAB collation,
	// one a line, in order), comment.
	{"composite", `SELECT 'composite type', n.nspname::text, '', t.typname::text, ARRAY[COALESCE((SELECT string_agg(quote_ident(a.attname) || E'\t' ||
		format_type(a.atttypid, a.atttypmod) || E'\t' || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
		THEN a.attcollation::regcollation::text ELSE '' END, E'\n' ORDER BY a.attnum)
	FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), ''),
	COALESCE(obj_description(t.oid, 'pg_type'), '')], 'pg_class', c.oid
FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid >= 16384 AND $SCOPE AND ` + invNotPart("pg_type", "t.oid")},

	// Row-level security of tables: fields enabled, forced.
	{"rls", `SELECT 'row level security', n.nspname::text, c.relname::text, c.relname::text, ARRAY[c.relrowsecurity::text, c.relforcerowsecurity::text], '', 0::oid
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + reflNotPartSQL("c.oid")},

	// Policies: fields permissive, command, roles, USING, WITH CHECK.
	{"policy", `SELECT 'policy', n.nspname::text, c.relname::text, pol.polname::text, ARRAY[pol.polpermissive::text,
	CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
	(SELECT string_agg(rn, ', ' ORDER BY rn) FROM (SELECT CASE WHEN ro = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(ro)) END AS rn
		FROM unnest(pol.polroles) ro) roles),
	COALESCE(pg_get_expr(pol.polqual, pol.polrelid, true), ''), COALESCE(pg_get_expr(pol.polwithcheck, pol.polrelid, true), '')],
	'pg_policy', pol.oid
FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE $SCOPE AND c.relname NOT IN $RETORT AND ` + reflNotPartSQL("c.oid")},

	// Indexes of materialized views: fields definition, comment.
	{"matview", `SELECT 'materialized view index', n.nspname::text, c.relname::text, ic.relname::text,
	ARRAY[pg_get_indexdef(i.indexrelid, 0, true), COALESCE(obj_description(ic.oid, 'pg_class'), '')], '', 0::oid
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm' AND $SCOPE AND ` + reflNotPartSQL("c.oid")},

	// Partitions (named with their parent as the table): fields bound,
	// partition key of a partition that is partitioned itself, parent's
	// namespace, and the parent's own parent when the parent is a
	// partition.
	{"partition", `SELECT 'partition', n.nspname::text, pc.relname::text, c.relname::text, ARRAY[pg_get_expr(c.relpartbound, c.oid),
	CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END, pn.nspname::text,
	CASE WHEN pc.relispartition THEN (SELECT gc.relname::text FROM pg_inherits gi JOIN pg_class gc ON gc.oid = gi.inhparent WHERE gi.inhrelid = pc.oid) ELSE '' END],
	'', 0::oid
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_inherits ih ON ih.inhrelid = c.oid
JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.relispartition AND c.relkind IN ('r', 'p') AND $SCOPE AND pc.relname NOT IN $RETORT AND ` + reflNotPartSQL("c.oid")},

	// Partition keys of partitioned tables that are not partitions: field
	// the key.
	{"partition", `SELECT 'partition key', n.nspname::text, '', c.relname::text, ARRAY[pg_get_partkeydef(c.oid)], '', 0::oid
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'p' AND NOT c.relispartition AND $SCOPE AND c.relname NOT IN $RETORT AND ` + reflNotPartSQL("c.oid")},

	// Event triggers (outside any schema): fields event, tags (one a
	// line), function (qualified as regproc prints it), enabled state.
	{"event", `SELECT 'event trigger', '', '', et.evtname::text, ARRAY[et.evtevent::text, COALESCE(array_to_string(et.evttags, E'\n'), ''),
	et.evtfoid::regproc::text, et.evtenabled::text], 'pg_event_trigger', et.oid
FROM pg_event_trigger et WHERE ` + invNotPart("pg_event_trigger", "et.oid")},
}

// reflObjectsSQL is the SQL-object query of the branches whose need is
// in needs ("" when there are none).
func reflObjectsSQL(needs map[string]bool) string {
	var parts []string
	for _, b := range reflObjectBranches {
		if needs[b.need] {
			parts = append(parts, b.sql)
		}
	}
	return reflExpand(strings.Join(parts, "\nUNION ALL\n"))
}

// reflObjectsCensusSQL lists, comma-separated, the needs of the
// SQL-object branches that may find anything: one cheap look per
// catalog (a single pass over the relations), so a database holding
// only tables sends no SQL-object query at all. $1 is the number of
// sequences the reflected columns own (identity and serial; an owned
// sequence is always in its table's schema): more sequences than that
// means standalone ones.
var reflObjectsCensusSQL = reflExpand(`SELECT concat_ws(',',
	CASE WHEN EXISTS (SELECT 1 FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE $SCOPE) THEN 'extension' END,
	CASE WHEN EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE p.oid >= 16384 AND p.prokind IN ('f', 'p') AND $SCOPE) THEN 'function' END,
	CASE WHEN EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid >= 16384 AND t.typtype = 'd' AND $SCOPE)
		THEN 'domain' END,
	CASE WHEN EXISTS (SELECT 1 FROM pg_policy) THEN 'policy' END,
	CASE WHEN EXISTS (SELECT 1 FROM pg_event_trigger) THEN 'event' END,
	(SELECT concat_ws(',', CASE WHEN bool_or(c.relkind = 'c') THEN 'composite' END, CASE WHEN bool_or(c.relkind = 'm') THEN 'matview' END,
		CASE WHEN bool_or(c.relkind = 'p') THEN 'partition' END, CASE WHEN bool_or(c.relrowsecurity OR c.relforcerowsecurity) THEN 'rls' END,
		CASE WHEN count(*) FILTER (WHERE c.relkind = 'S') > $1 THEN 'sequence' END)
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE (c.relkind IN ('S', 'c', 'm', 'p') OR c.relrowsecurity OR c.relforcerowsecurity) AND c.oid >= 16384 AND $SCOPE))`)

// reflExpand fills in the placeholders of the SQL-object queries.
func reflExpand(sql string) string {
	return strings.NewReplacer("$SCOPE", reflScopeSQL, "$RETORT", reflRetortTablesSQL, "$OWNED", invOwnedSQL).Replace(sql)
}
