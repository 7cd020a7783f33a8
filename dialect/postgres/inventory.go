package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// The inventory lists, in one catalog-wide query, every object of the
// reflected schemas that the model does not express, plus the attributes
// of modelled objects it has no field for, so that check reports a
// difference in them instead of calling the schemas a match. What the
// other reflection queries model is left out here, by the same rules:
// tables, views, triggers, enums, keys, checks and indexes of tables;
// the sequence of a serial or identity column is part of the column;
// extension members belong to their extension; retort's own tables are
// not the user's. Definitions are catalog text without oids or
// timestamps, so the same DDL gives the same inventory in any database.

// invKinds names the kind codes the query returns; residues (attributes
// of modelled objects) are the "... options" kinds.
var invKinds = map[string]string{
	"partition": "partition", "m": "materialized view", "S": "sequence", "f": "foreign table",
	"c": "composite type", "x": "exclusion constraint", "con": "constraint",
	"pcon": "constraint on partition", "ftcon": "constraint on foreign table",
	"index": "index", "topt": "table options", "vopt": "view options", "colopt": "column options",
	"seqopt": "sequence options", "ixopt": "index options", "conopt": "constraint options",
	"trigger": "trigger on partition", "trgopt": "trigger options", "rule": "rule", "policy": "policy",
	"f_fn": "function", "f_p": "procedure", "f_a": "aggregate", "f_w": "window function",
	"d": "domain", "r": "range type", "b": "base type", "p": "shell type",
	"ext": "extension", "evt": "event trigger", "comment": "comment", "stat": "statistics",
	"coll": "collation", "oper": "operator", "opc": "operator class", "opf": "operator family",
	"conv": "conversion", "tscfg": "text search configuration", "tsdict": "text search dictionary",
	"tsprs": "text search parser", "tstmpl": "text search template", "fdw": "foreign-data wrapper",
	"srv": "foreign server", "pub": "publication", "cast": "cast", "lang": "language",
	"am": "access method", "transform": "transform",
}

func (r *reflector) inventory() error {
	var version int
	if err := r.q.QueryRowContext(r.ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		return err
	}
	rows, err := r.q.QueryContext(r.ctx, invSQL(version))
	if err != nil {
		return err
	}
	defer rows.Close()
	var objs []schema.Object
	for rows.Next() {
		var code, nsp, table, name, def string
		if err := rows.Scan(&code, &nsp, &table, &name, &def); err != nil {
			return err
		}
		kind := invKinds[code]
		if kind == "" {
			return fmt.Errorf("inventory: unknown kind code %q", code)
		}
		o := schema.Object{Kind: kind, Name: name, Table: table, Definition: def}
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
	r.s.Unmanaged = invFoldExclusions(objs)
	schema.SortObjects(r.s.Unmanaged)
	return nil
}

// invFoldExclusions moves the index options of an exclusion constraint
// (INCLUDE, WITH...) into its definition: it is reported whole.
func invFoldExclusions(objs []schema.Object) []schema.Object {
	ex := map[string]int{}
	for i, o := range objs {
		if o.Kind == "exclusion constraint" {
			ex[o.Schema+"\x00"+o.Table+"\x00"+o.Name] = i
		}
	}
	out := objs[:0]
	for _, o := range objs {
		if o.Kind == "constraint options" {
			if i, ok := ex[o.Schema+"\x00"+o.Table+"\x00"+o.Name]; ok {
				objs[i].Definition += " " + o.Definition
				continue
			}
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// invSQL is the inventory query for a server of the given
// server_version_num. Every branch returns (kind code, namespace, table,
// name, definition); objects outside any schema (event triggers,
// foreign servers) have an empty namespace.
func invSQL(version int) string {
	nullsNotDistinct, compression, delSetCols := "false", "NULL", "NULL"
	if version >= 150000 {
		nullsNotDistinct = "i.indnullsnotdistinct"
		delSetCols = `CASE WHEN cardinality(con.confdelsetcols) > 0 THEN 'ON DELETE SET ' ||
			CASE con.confdeltype WHEN 'n' THEN 'NULL' ELSE 'DEFAULT' END || ' (' ||
			(SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) FROM unnest(con.confdelsetcols) WITH ORDINALITY k(n, ord)
			JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) || ')' END`
	}
	if version >= 140000 {
		compression = `CASE a.attcompression WHEN 'p' THEN 'COMPRESSION pglz' WHEN 'l' THEN 'COMPRESSION lz4' END`
	}
	r := strings.NewReplacer(
		"$SCOPE", reflScopeSQL,
		"$RETORT", reflRetortTablesSQL,
		"$NND", nullsNotDistinct,
		"$COMPRESSION", compression,
		"$DELSETCOLS", delSetCols,
		"$TABLEOPTS", invTableOptsSQL,
		"$OWNED", invOwnedSQL,
		"$INDEXOPTS", invIndexOptsSQL,
		"$COLUMNS", invColumnsSQL,
		"$FOREIGN", invForeignSQL,
	)
	var parts []string
	for _, b := range invBranches {
		// Twice: the fragments hold placeholders of their own.
		parts = append(parts, r.Replace(r.Replace(b)))
	}
	// A residue with nothing to say is no object; an object always is.
	return "SELECT kind, nsp, tbl, name, COALESCE(def, '') FROM (\n" + strings.Join(parts, "\nUNION ALL\n") +
		"\n) inv WHERE kind NOT IN ('topt', 'vopt', 'colopt', 'seqopt', 'ixopt', 'conopt', 'trgopt') OR COALESCE(def, '') <> ''"
}

// invNotPart leaves out extension members and the objects that are part
// of another one (a range type's constructors, a serial's sequence); cat
// is the catalog, oid the object's oid.
func invNotPart(cat, oid string) string {
	return fmt.Sprintf(`NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype IN ('e', 'i'))`, cat, oid)
}

// invOwnedSQL: the sequence c is part of a column (identity, or serial:
// owned by the column whose default uses it). od is the ownership.
const invOwnedSQL = `od.classid = 'pg_class'::regclass AND od.objid = c.oid AND od.refclassid = 'pg_class'::regclass
	AND od.refobjsubid > 0 AND (od.deptype = 'i' OR od.deptype = 'a' AND EXISTS (SELECT 1 FROM pg_attrdef ad
		JOIN pg_depend dd ON dd.classid = 'pg_attrdef'::regclass AND dd.objid = ad.oid
		WHERE ad.adrelid = od.refobjid AND ad.adnum = od.refobjsubid AND dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid))`

// invTableOptsSQL: what a table c has beyond the model.
const invTableOptsSQL = `concat_ws(' ',
	CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED' END,
	CASE WHEN c.reloftype <> 0 THEN 'OF ' || c.reloftype::regtype::text END,
	(SELECT 'INHERITS (' || string_agg(p.oid::regclass::text, ', ' ORDER BY ih.inhseqno) || ')'
		FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent WHERE ih.inhrelid = c.oid AND NOT c.relispartition),
	(SELECT 'USING ' || am.amname FROM pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap'),
	CASE WHEN c.reloptions IS NOT NULL THEN 'WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
	(SELECT 'TABLESPACE ' || quote_ident(ts.spcname) FROM pg_tablespace ts WHERE ts.oid = c.reltablespace),
	CASE WHEN c.relrowsecurity THEN 'ROW LEVEL SECURITY' END,
	CASE WHEN c.relforcerowsecurity THEN 'FORCE ROW LEVEL SECURITY' END,
	CASE c.relreplident WHEN 'n' THEN 'REPLICA IDENTITY NOTHING' WHEN 'f' THEN 'REPLICA IDENTITY FULL'
		WHEN 'i' THEN 'REPLICA IDENTITY USING INDEX ' || (SELECT quote_ident(ri.relname) FROM pg_index rx
			JOIN pg_class ri ON ri.oid = rx.indexrelid WHERE rx.indrelid = c.oid AND rx.indisreplident) END)`

// invIndexOptsSQL: what an index i (relation ic, constraint con if it
// backs one) has beyond the model: INCLUDE columns, NULLS NOT DISTINCT,
// storage parameters, tablespace, NULLS FIRST/LAST against the default,
// operator class options, a failed build, CLUSTER, a deferrable key.
// Attribute options named pg_* are the server's own bookkeeping (some
// builds stamp every attribute with one), never the user's.
const invIndexOptsSQL = `concat_ws(' ',
	CASE WHEN i.indnatts > i.indnkeyatts THEN 'INCLUDE (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
		FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
		WHERE k.ord > i.indnkeyatts) || ')' END,
	CASE WHEN $NND THEN 'NULLS NOT DISTINCT' END,
	CASE WHEN ic.reloptions IS NOT NULL THEN 'WITH (' || array_to_string(ic.reloptions, ', ') || ')' END,
	(SELECT 'TABLESPACE ' || quote_ident(ts.spcname) FROM pg_tablespace ts WHERE ts.oid = ic.reltablespace),
	(SELECT string_agg(pg_get_indexdef(i.indexrelid, k.ord::int, true) || CASE WHEN k.o & 2 = 2 THEN ' NULLS FIRST' ELSE ' NULLS LAST' END, ', ' ORDER BY k.ord)
		FROM unnest(i.indoption::int2[]) WITH ORDINALITY k(o, ord) WHERE (k.o & 1 = 1) <> (k.o & 2 = 2)),
	(SELECT string_agg(quote_ident(a.attname) || ' (' || o.opts || ')', ', ' ORDER BY a.attnum)
		FROM pg_attribute a CROSS JOIN LATERAL (SELECT string_agg(x, ', ' ORDER BY x) AS opts FROM unnest(a.attoptions) x
			WHERE x NOT LIKE 'pg\_%') o
		WHERE a.attrelid = i.indexrelid AND o.opts IS NOT NULL),
	CASE WHEN NOT i.indisvalid THEN 'INVALID' END,
	CASE WHEN i.indisclustered THEN 'CLUSTER' END,
	CASE WHEN con.contype = 'p' AND con.condeferrable THEN 'DEFERRABLE' END,
	CASE WHEN con.contype = 'p' AND con.condeferred THEN 'INITIALLY DEFERRED' END)`

// invColumnsSQL lists the columns of relation c (composite types,
// foreign tables).
const invColumnsSQL = `(SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
		|| CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
		|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
		|| COALESCE(' OPTIONS (' || array_to_string(a.attfdwoptions, ', ') || ')', ''), ', ' ORDER BY a.attnum)
	FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`
