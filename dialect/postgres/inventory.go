package postgres

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// The inventory lists, in one catalog-wide query (after a census of what
// holds anything at all), every object of the reflected schemas that the
// model does not express, plus the attributes of modelled objects it has
// no field for, so that check reports a difference in them instead of
// calling the schemas a match. What the
// other reflection queries model is left out here, by the same rules:
// tables, views, triggers, enums, keys, checks, exclusion constraints and
// indexes of tables (with INCLUDE, WITH, NULLS options and comments);
// extensions, standalone sequences, functions and procedures, domains,
// composite types, row-level security, policies, event triggers,
// materialized views and partitions (reflect_sqlobjects.go); the sequence
// of a serial or identity column is part of the column;
// extension members belong to their extension; retort's own tables are
// not the user's. Definitions are catalog text without oids or
// timestamps, so the same DDL gives the same inventory in any database.
// Objects with oids below 16384 (FirstNormalObjectId) are the system's;
// testing that first keeps the scans of the big catalogs cheap.

// invKinds names the kind codes the query returns; residues (attributes
// of modelled objects) are the "... options" kinds.
var invKinds = map[string]string{
	"f": "foreign table", "con": "constraint",
	"pcon": "constraint on partition", "ftcon": "constraint on foreign table",
	"index": "index", "topt": "table options", "colopt": "column options",
	"seqopt": "sequence options", "ixopt": "index options", "conopt": "constraint options",
	"trigger": "trigger on partition", "trgopt": "trigger options", "rule": "rule",
	"f_a": "aggregate", "f_w": "window function", "r": "range type", "b": "base type", "p": "shell type",
	"comment": "comment", "stat": "statistics",
	"coll": "collation", "oper": "operator", "opc": "operator class", "opf": "operator family",
	"conv": "conversion", "tscfg": "text search configuration", "tsdict": "text search dictionary",
	"tsprs": "text search parser", "tstmpl": "text search template", "fdw": "foreign-data wrapper",
	"srv": "foreign server", "pub": "publication", "cast": "cast", "lang": "language",
	"am": "access method", "transform": "transform", "um": "user mapping",
}

// invResidues are the kinds that list attributes of modelled objects.
var invResidues = map[string]bool{"topt": true, "colopt": true, "seqopt": true, "ixopt": true, "conopt": true, "trgopt": true}

func (r *reflector) inventory() error {
	var version int
	if err := r.q.QueryRowContext(r.ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		return err
	}
	present, err := r.census(version)
	if err != nil {
		return err
	}
	query := invSQL(version, present)
	if query == "" {
		return nil // nothing beyond the model
	}
	rows, err := r.q.QueryContext(r.ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	var objs []schema.Object
	for rows.Next() {
		var code, nsp, table, name string
		var def sql.NullString
		if err := rows.Scan(&code, &nsp, &table, &name, &def); err != nil {
			return err
		}
		kind := invKinds[code]
		if kind == "" {
			return fmt.Errorf("inventory: unknown kind code %q", code)
		}
		if def.String == "" && invResidues[code] {
			continue // a modelled object with nothing beyond the model
		}
		o := schema.Object{Kind: kind, Name: name, Table: table, Definition: def.String}
		switch {
		case code == "comment":
			// The name is the object's qualified identity ("public.v").
			o.Kind, o.Table = "comment on "+table, ""
		case nsp != "":
			o.Schema = r.schemaName(nsp)
		}
		objs = append(objs, o)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	r.s.Unmanaged = invFold(objs)
	schema.SortObjects(r.s.Unmanaged)
	return nil
}

// invFold merges the rows that describe one object: index options
// found by several branches, and those of an index that is reported
// whole, whose definition takes them. Parts
// are sorted: the branches come back in any order.
func invFold(objs []schema.Object) []schema.Object {
	residue := func(o schema.Object) bool { return o.Kind == "index options" || o.Kind == "constraint options" }
	whole := func(o schema.Object) bool { return o.Kind == "index" }
	at := func(o schema.Object) string { return o.Schema + "\x00" + o.Table + "\x00" + o.Name }
	wholes := map[string]bool{}
	for _, o := range objs {
		if whole(o) {
			wholes[at(o)] = true
		}
	}
	parts := map[string][]string{} // by at() for wholes, by Key() for residues alone
	for _, o := range objs {
		switch {
		case residue(o) && wholes[at(o)]:
			parts[at(o)] = append(parts[at(o)], o.Definition)
		case residue(o):
			parts[o.Key()] = append(parts[o.Key()], o.Definition)
		}
	}
	var out []schema.Object
	done := map[string]bool{}
	for _, o := range objs {
		switch {
		case residue(o) && wholes[at(o)]:
			continue
		case residue(o):
			if done[o.Key()] {
				continue
			}
			done[o.Key()] = true
			p := parts[o.Key()]
			sort.Strings(p)
			o.Definition = strings.Join(p, " ")
		case whole(o):
			if p := parts[at(o)]; len(p) > 0 {
				sort.Strings(p)
				o.Definition += " " + strings.Join(p, " ")
			}
		}
		out = append(out, o)
	}
	return out
}

// census lists which branches of the inventory have anything to say:
// the optional catalogs that hold objects of the user's, in the reflected
// schemas (everything there depends on its schema) or, for those outside
// any schema, at all; and the branches over the big catalogs that find a
// row, tested with EXISTS. The full query, whose definitions take long
// to plan on a new connection, then reads only those, and is not sent
// at all for a database with nothing beyond the model. User mappings
// are looked for where a foreign server exists (each needs one): the
// pg_user_mappings view took 17 ms to plan on a new connection.
func (r *reflector) census(version int) (map[string]bool, error) {
	rows, err := r.q.QueryContext(r.ctx, invCensusSQL(version))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	present := map[string]bool{}
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		present[key] = true
	}
	return present, rows.Err()
}

const invCatalogsSQL = `SELECT DISTINCT d.classid::regclass::text FROM pg_depend d
WHERE d.refclassid = 'pg_namespace'::regclass AND d.deptype = 'n'
	AND d.refobjid IN (SELECT n.oid FROM pg_namespace n WHERE ` + reflScopeSQL + `)
UNION ALL SELECT 'pg_rewrite' WHERE EXISTS (SELECT 1 FROM pg_rewrite WHERE oid >= 16384 AND rulename <> '_RETURN')
UNION ALL SELECT 'pg_policy' WHERE EXISTS (SELECT 1 FROM pg_policy)
UNION ALL SELECT 'pg_event_trigger' WHERE EXISTS (SELECT 1 FROM pg_event_trigger)
UNION ALL SELECT 'pg_foreign_data_wrapper' WHERE EXISTS (SELECT 1 FROM pg_foreign_data_wrapper)
UNION ALL SELECT 'pg_foreign_server' WHERE EXISTS (SELECT 1 FROM pg_foreign_server)
UNION ALL SELECT 'pg_user_mapping' WHERE EXISTS (SELECT 1 FROM pg_foreign_server)
UNION ALL SELECT 'pg_publication' WHERE EXISTS (SELECT 1 FROM pg_publication)
UNION ALL SELECT 'pg_cast' WHERE EXISTS (SELECT 1 FROM pg_cast WHERE oid >= 16384)
UNION ALL SELECT 'pg_language' WHERE EXISTS (SELECT 1 FROM pg_language WHERE oid >= 16384)
UNION ALL SELECT 'pg_am' WHERE EXISTS (SELECT 1 FROM pg_am WHERE oid >= 16384)
UNION ALL SELECT 'pg_transform' WHERE EXISTS (SELECT 1 FROM pg_transform)`

// invCensusSQL is the census query: the catalogs, and an EXISTS over the
// FROM and WHERE of each branch that always runs, keyed "branch:N".
func invCensusSQL(version int) string {
	parts := []string{invCatalogsSQL}
	for i, b := range invBranches {
		if b.catalog == "" {
			from := strings.Index(b.sql, "\nFROM ")
			parts = append(parts, fmt.Sprintf("SELECT 'branch:%d' WHERE EXISTS (SELECT 1 %s)", i, invExpand(version, b.sql[from+1:])))
		}
	}
	return strings.Join(parts, "\nUNION ALL\n")
}

// invSQL is the inventory query for a server of the given
// server_version_num, of the branches the census found present ("" if
// none). Every branch returns (kind code, namespace, table, name,
// definition); objects outside any schema (event triggers, foreign
// servers) have an empty namespace.
func invSQL(version int, present map[string]bool) string {
	var parts []string
	for i, b := range invBranches {
		if b.catalog == "" && present[fmt.Sprintf("branch:%d", i)] || b.catalog != "" && present[b.catalog] {
			parts = append(parts, invExpand(version, b.sql))
		}
	}
	return strings.Join(parts, "\nUNION ALL\n")
}

// invExpand fills in the placeholders of a branch for the server version.
func invExpand(version int, sql string) string {
	nnd, compression, hasCompression := "false", "NULL", "false"
	if version >= 150000 {
		nnd = "i.indnullsnotdistinct"
	}
	if version >= 140000 {
		hasCompression = "a.attcompression <> ''"
		compression = `CASE a.attcompression WHEN 'p' THEN 'COMPRESSION pglz' WHEN 'l' THEN 'COMPRESSION lz4' END`
	}
	r := strings.NewReplacer(
		"$SCOPE", reflScopeSQL,
		"$RETORT", reflRetortTablesSQL,
		"$NND", nnd,
		"$COMPRESSION", compression,
		"$HASCOMPRESSION", hasCompression,
		"$CONOPTS", "(con.contype = 'c' AND NOT con.convalidated OR con.contype = 'p' AND con.condeferrable)",
		"$TABLEOPTS", invTableOptsSQL,
		"$OWNED", invOwnedSQL,
		"$INDEXOPTS", invIndexOptsSQL,
		"$TABLEINDEXOPTS", invTableIndexOptsSQL,
		"$COLUMNS", invColumnsSQL,
		"$FOREIGN", invForeignSQL,
	)
	// Twice: the fragments hold placeholders of their own.
	return r.Replace(r.Replace(sql))
}

// invNotPart leaves out extension members and the objects that are part
// of another one (a range type's constructors, a serial's sequence); cat
// is the catalog, oid the object's oid.
func invNotPart(cat, oid string) string {
	return fmt.Sprintf(`NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype IN ('e', 'i'))`, cat, oid)
}

// invOwnedSQL: od makes sequence c part of a column: an identity, or a
// serial (owned by the column whose default uses it).
const invOwnedSQL = `od.classid = 'pg_class'::regclass AND od.objid = c.oid AND od.objsubid = 0
	AND od.refclassid = 'pg_class'::regclass AND od.refobjsubid > 0
	AND (od.deptype = 'i' OR od.deptype = 'a' AND EXISTS (SELECT 1 FROM pg_depend dd JOIN pg_attrdef ad ON ad.oid = dd.objid
		WHERE dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid AND dd.classid = 'pg_attrdef'::regclass
			AND ad.adrelid = od.refobjid AND ad.adnum = od.refobjsubid))`

// invTableOptsSQL: what a table c has beyond the model.
const invTableOptsSQL = `concat_ws(' ',
	CASE WHEN c.relpersistence = 'u' AND c.relispartition THEN 'UNLOGGED' END,
	CASE WHEN c.reloftype <> 0 THEN 'OF ' || c.reloftype::regtype::text END,
	(SELECT 'INHERITS (' || string_agg(p.oid::regclass::text, ', ' ORDER BY ih.inhseqno) || ')'
		FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent WHERE ih.inhrelid = c.oid AND NOT c.relispartition),
	(SELECT 'USING ' || am.amname FROM pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap'),
	CASE WHEN c.reloptions IS NOT NULL THEN 'WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
	(SELECT 'TABLESPACE ' || quote_ident(ts.spcname) FROM pg_tablespace ts WHERE ts.oid = c.reltablespace),
	CASE c.relreplident WHEN 'n' THEN 'REPLICA IDENTITY NOTHING' WHEN 'f' THEN 'REPLICA IDENTITY FULL'
		WHEN 'i' THEN 'REPLICA IDENTITY USING INDEX ' || (SELECT quote_ident(ri.relname) FROM pg_index rx
			JOIN pg_class ri ON ri.oid = rx.indexrelid WHERE rx.indrelid = c.oid AND rx.indisreplident) END)`

// invIndexOptsSQL: what index i has beyond the model that pg_index
// tells: INCLUDE columns, NULLS NOT DISTINCT, NULLS FIRST/LAST against
// the default, a failed build, CLUSTER. Storage parameters and
// tablespace come from the pg_class branch, operator class options from
// the pg_attribute one, so no branch probes every index.
const invIndexOptsSQL = `concat_ws(' ',
	CASE WHEN i.indnatts > i.indnkeyatts THEN 'INCLUDE (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
		FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
		WHERE k.ord > i.indnkeyatts) || ')' END,
	CASE WHEN $NND THEN 'NULLS NOT DISTINCT' END,
	(SELECT string_agg(pg_get_indexdef(i.indexrelid, k.ord::int, true) || CASE WHEN k.o & 2 = 2 THEN ' NULLS FIRST' ELSE ' NULLS LAST' END, ', ' ORDER BY k.ord)
		FROM unnest(i.indoption::int2[]) WITH ORDINALITY k(o, ord) WHERE (k.o & 1 = 1) <> (k.o & 2 = 2)),
	CASE WHEN NOT i.indisvalid THEN 'INVALID' END,
	CASE WHEN i.indisclustered THEN 'CLUSTER' END)`

// invTableIndexOptsSQL: what index i of a table has beyond the model
// (INCLUDE, NULLS NOT DISTINCT and NULLS FIRST/LAST are modelled, on
// keys too): CLUSTER, and a failed build only under a constraint (a
// plain index models it as Index.Invalid; a key's or exclusion
// constraint's index is never left invalid by the server's own DDL).
const invTableIndexOptsSQL = `concat_ws(' ',
	CASE WHEN NOT i.indisvalid AND EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.conindid = i.indexrelid AND pc.conrelid = i.indrelid)
		THEN 'INVALID' END,
	CASE WHEN i.indisclustered THEN 'CLUSTER' END)`

// invModelledIndexSQL: index c (an oid) is one reflection models with
// its storage parameters and comment: of a table, not of a partition,
// not a primary key's or unique constraint's.
const invModelledIndexSQL = `EXISTS (SELECT 1 FROM pg_index x JOIN pg_class tc ON tc.oid = x.indrelid WHERE x.indexrelid = %s
	AND tc.relkind IN ('r', 'p') AND NOT tc.relispartition
	AND NOT EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.conindid = x.indexrelid AND pc.contype IN ('p', 'u')))`

// invKeyIndexSQL: index c (an oid) is a table's primary key's or unique
// constraint's, whose storage parameters the key models (its comment is
// not modelled: the key's own comment is the constraint's).
const invKeyIndexSQL = `EXISTS (SELECT 1 FROM pg_constraint pc JOIN pg_class tc ON tc.oid = pc.conrelid WHERE pc.conindid = %s
	AND pc.contype IN ('p', 'u') AND tc.relkind IN ('r', 'p') AND NOT tc.relispartition)`

// invColumnsSQL lists the columns of relation c (composite types,
// foreign tables).
const invColumnsSQL = `(SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
		|| CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
		|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
		|| COALESCE(' OPTIONS (' || array_to_string(a.attfdwoptions, ', ') || ')', ''), ', ' ORDER BY a.attnum)
	FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`
