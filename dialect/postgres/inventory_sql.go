package postgres

import "fmt"

// invBranch is a part of the inventory query; when catalog is set, it is
// sent only if the census finds user objects there.
type invBranch struct {
	catalog, sql string
}

// invBranches are the parts of the inventory query, one per catalog (see
// invSQL for the placeholders). The first names the columns.
var invBranches = []invBranch{
	// Relations the model has no place for (foreign tables),
	// and what modelled tables and indexes (storage parameters,
	// tablespace) have beyond the model; views' options are modelled. The cheap tests come first:
	// most relations have nothing to add.
	{"", `SELECT CASE WHEN c.relkind IN ('i', 'I') THEN 'ixopt'
		WHEN c.relkind = 'f' THEN c.relkind::text ELSE 'topt' END AS kind,
	n.nspname::text AS nsp,
	CASE WHEN c.relkind IN ('i', 'I') THEN (SELECT tc.relname::text FROM pg_index x JOIN pg_class tc ON tc.oid = x.indrelid WHERE x.indexrelid = c.oid)
		ELSE '' END AS tbl,
	c.relname::text AS name,
	CASE WHEN c.relkind IN ('i', 'I') THEN concat_ws(' ', CASE WHEN NOT ` + fmt.Sprintf(invModelledIndexSQL, "c.oid") + `
				AND NOT ` + fmt.Sprintf(invKeyIndexSQL, "c.oid") + ` THEN 'WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
			(SELECT 'TABLESPACE ' || quote_ident(ts.spcname) FROM pg_tablespace ts WHERE ts.oid = c.reltablespace))
		ELSE concat_ws(' ', CASE WHEN c.relkind = 'f' AND c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
			CASE WHEN c.relkind = 'f' AND NOT c.relispartition THEN $COLUMNS END, $FOREIGN, NULLIF($TABLEOPTS, '')) END AS def
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid >= 16384 AND (c.relkind = 'f'
		OR c.relkind IN ('r', 'p') AND (c.relpersistence = 'u' AND c.relispartition OR c.reloftype <> 0 OR c.reloptions IS NOT NULL
			OR c.reltablespace <> 0 OR c.relreplident <> 'd'
			OR c.relam <> 0 AND c.relam <> (SELECT am.oid FROM pg_am am WHERE am.amname = 'heap')
			OR c.oid IN (SELECT ih.inhrelid FROM pg_inherits ih))
		OR c.relkind = 'm' AND (c.reloptions IS NOT NULL OR c.reltablespace <> 0)
		OR c.relkind IN ('i', 'I') AND NOT c.relispartition AND (c.reloptions IS NOT NULL OR c.reltablespace <> 0)
			AND NOT EXISTS (SELECT 1 FROM pg_index x JOIN pg_class m ON m.oid = x.indrelid WHERE x.indexrelid = c.oid AND m.relkind = 'm'))
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + fmt.Sprintf(reflNotExtensionSQL, "pg_class", "c.oid")},

	// The options of the sequence behind a serial or identity column,
	// when not the defaults.
	{"", `SELECT 'seqopt', n.nspname::text, tc.relname::text, a.attname::text,
	format('AS %s START %s INCREMENT %s MINVALUE %s MAXVALUE %s CACHE %s%s', format_type(s.seqtypid, NULL),
		s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END)
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_depend od ON $OWNED AND od.deptype = 'a' -- identity options are modelled
JOIN pg_class tc ON tc.oid = od.refobjid JOIN pg_attribute a ON a.attrelid = od.refobjid AND a.attnum = od.refobjsubid
WHERE NOT (s.seqstart = 1 AND s.seqincrement = 1 AND s.seqmin = 1 AND s.seqcache = 1 AND NOT s.seqcycle
		AND s.seqmax = CASE s.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END)
	AND $SCOPE AND tc.relname NOT IN $RETORT AND tc.relkind IN ('r', 'p') AND NOT tc.relispartition`},

	// Constraints the model has no place for: every constraint of a
	// partition or foreign table (inherited ones belong to the parent's);
	// and what modelled keys and checks have beyond the model. Only the few constraints that may be one of
	// those (OFFSET 0 keeps them first) are joined to their table.
	{"", `SELECT CASE WHEN c.relispartition THEN 'pcon' WHEN c.relkind NOT IN ('r', 'p') THEN 'ftcon'
		WHEN con.contype NOT IN ('p', 'u', 'f', 'c', 'x') THEN 'con' ELSE 'conopt' END,
	n.nspname::text, c.relname::text, con.conname::text,
	CASE WHEN c.relispartition OR c.relkind NOT IN ('r', 'p') OR con.contype NOT IN ('p', 'u', 'f', 'c', 'x') THEN pg_get_constraintdef(con.oid, true)
		ELSE concat_ws(' ', CASE WHEN con.contype = 'p' AND con.condeferrable THEN 'DEFERRABLE' END,
			CASE WHEN con.contype = 'p' AND con.condeferred THEN 'INITIALLY DEFERRED' END,
			CASE WHEN con.contype = 'c' AND NOT con.convalidated THEN 'NOT VALID' END) END
FROM (SELECT con.* FROM pg_constraint con WHERE con.oid >= 16384 AND con.contype NOT IN ('t', 'n') AND con.conparentid = 0
		AND (con.contype NOT IN ('p', 'u', 'f', 'c', 'x') OR con.conrelid IN (SELECT ih.inhrelid FROM pg_inherits ih)
			OR con.conrelid IN (SELECT ft.ftrelid FROM pg_foreign_table ft) OR $CONOPTS) OFFSET 0) con
JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ((c.relispartition OR c.relkind NOT IN ('r', 'p') OR con.contype NOT IN ('p', 'u', 'f', 'c', 'x')) AND con.conislocal OR $CONOPTS)
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + invNotPart("pg_class", "c.oid")},

	// What modelled indexes have beyond the model; the indexes of
	// partitions (not
	// those a parent index made, nor those behind a constraint, which is
	// listed itself). Only pg_index is read for every index.
	{"", `SELECT CASE WHEN c.relkind IN ('r', 'p') AND NOT c.relispartition THEN 'ixopt' ELSE 'index' END,
	n.nspname::text, c.relname::text, ic.relname::text,
	CASE WHEN c.relkind IN ('r', 'p') AND NOT c.relispartition THEN $TABLEINDEXOPTS
		ELSE concat_ws(' ', pg_get_indexdef(i.indexrelid, 0, true), NULLIF($INDEXOPTS, '')) END
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE i.indexrelid >= 16384 AND (i.indnatts > i.indnkeyatts OR $NND OR NOT i.indisvalid OR i.indisclustered OR i.indoption::int2[] && '{1,2}'::int2[]
		OR i.indrelid IN (SELECT ih.inhrelid FROM pg_inherits ih))
	AND (c.relkind IN ('r', 'p') AND NOT c.relispartition
		OR c.relispartition AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
			AND NOT EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.conindid = i.indexrelid AND pc.conrelid = i.indrelid))
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + invNotPart("pg_class", "c.oid")},

	// What modelled columns have beyond the model, and the operator
	// class options and statistics targets of index columns. Of the
	// attribute options, those named pg_* are the server's own (some
	// builds stamp every column with one). The candidates come from one
	// pass over pg_attribute (OFFSET 0 keeps it first), as nearly every
	// column has nothing to add. Only variable-length types can change
	// their storage, and nearly all of them default to EXTENDED, so a
	// column's type is looked up only when that does not settle it.
	{"", `SELECT CASE WHEN c.relkind IN ('i', 'I') THEN 'ixopt' ELSE 'colopt' END, n.nspname::text,
	CASE WHEN c.relkind IN ('i', 'I') THEN (SELECT tc.relname::text FROM pg_index x JOIN pg_class tc ON tc.oid = x.indrelid WHERE x.indexrelid = c.oid)
		ELSE c.relname::text END,
	CASE WHEN c.relkind IN ('i', 'I') THEN c.relname::text ELSE a.attname::text END,
	concat_ws(' ', CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid, a.attnum, true) END,
		CASE WHEN a.attstorage <> a.typstorage AND c.relkind IN ('r', 'p') THEN 'STORAGE ' ||
			CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END,
		$COMPRESSION,
		CASE WHEN COALESCE(a.attstattarget, -1) >= 0 THEN 'STATISTICS ' || a.attstattarget END,
		'(' || (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_%') || ')')
FROM (SELECT a.*, (SELECT t.typstorage FROM pg_type t WHERE t.oid = a.atttypid) AS typstorage FROM pg_attribute a
	WHERE a.attrelid >= 16384 AND a.attnum > 0 AND NOT a.attisdropped
		AND (COALESCE(a.attstattarget, -1) >= 0 OR $HASCOMPRESSION
		OR a.attoptions IS NOT NULL AND NOT (a.attoptions[1] LIKE 'pg\_%' AND cardinality(a.attoptions) = 1)
		OR a.attlen = -1 AND a.attstorage <> 'x' AND a.attstorage <> (SELECT t.typstorage FROM pg_type t WHERE t.oid = a.atttypid)
		OR a.attstorage = 'x' AND a.atttypid IN (SELECT t.oid FROM pg_type t WHERE t.typstorage <> 'x')) OFFSET 0) a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'i', 'I') AND NOT c.relispartition
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + fmt.Sprintf(reflNotExtensionSQL, "pg_class", "c.oid")},

	// Triggers of partitions (not those a parent's trigger made), and the
	// enabled state of modelled triggers.
	{"", `SELECT CASE WHEN c.relispartition THEN 'trigger' ELSE 'trgopt' END, n.nspname::text, c.relname::text, tg.tgname::text,
	concat_ws(' ', CASE WHEN c.relispartition THEN pg_get_triggerdef(tg.oid, true) END,
		CASE tg.tgenabled WHEN 'D' THEN 'DISABLED' WHEN 'R' THEN 'ENABLE REPLICA' WHEN 'A' THEN 'ENABLE ALWAYS' END)
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE (c.relispartition OR tg.tgenabled <> 'O') AND NOT tg.tgisinternal AND tg.tgparentid = 0
	AND $SCOPE AND c.relname NOT IN $RETORT AND ` + invNotPart("pg_class", "c.oid")},

	// Rules: the definition without the table after ON event TO (the
	// table column names it), so a renamed table keeps them.
	{"pg_rewrite", `SELECT 'rule', n.nspname::text, c.relname::text, rw.rulename::text,
	CASE WHEN position(rd.rel IN rd.def) > 0 THEN overlay(rd.def PLACING ' TO ' FROM position(rd.rel IN rd.def) FOR length(rd.rel)) ELSE rd.def END
	|| CASE rw.ev_enabled WHEN 'D' THEN ' DISABLED' WHEN 'R' THEN ' ENABLE REPLICA' WHEN 'A' THEN ' ENABLE ALWAYS' ELSE '' END
FROM pg_rewrite rw JOIN pg_class c ON c.oid = rw.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (SELECT pg_get_ruledef(rw.oid, true) AS def, ' TO ' || rw.ev_class::regclass::text || ' ' AS rel) rd
WHERE $SCOPE AND rw.rulename <> '_RETURN' AND ` + invNotPart("pg_class", "c.oid")},

	{"pg_proc", `SELECT CASE p.prokind WHEN 'a' THEN 'f_a' ELSE 'f_w' END, n.nspname::text, '',
	p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
	CASE WHEN p.prokind = 'a' THEN (SELECT format('(%s) RETURNS %s SFUNC %s STYPE %s FINALFUNC %s COMBINEFUNC %s INITCOND %s KIND %s SORTOP %s',
			pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), ag.aggtransfn::regproc, format_type(ag.aggtranstype, NULL),
			ag.aggfinalfn::regproc, ag.aggcombinefn::regproc, ag.agginitval, ag.aggkind, ag.aggsortop::regoperator)
		FROM pg_aggregate ag WHERE ag.aggfnoid = p.oid)
		ELSE pg_get_functiondef(p.oid) END
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.oid >= 16384 AND p.prokind IN ('a', 'w') AND $SCOPE AND ` + invNotPart("pg_proc", "p.oid")},

	// Types other than enums, domains and composite types (modelled),
	// row types of relations and the array and multirange types made with
	// another type.
	{"pg_type", `SELECT t.typtype::text, n.nspname::text, '', t.typname::text,
	CASE t.typtype
		WHEN 'r' THEN (SELECT format('SUBTYPE %s SUBTYPE_OPCLASS %s COLLATION %s CANONICAL %s SUBTYPE_DIFF %s', format_type(rg.rngsubtype, NULL),
				oc.opcname, rg.rngcollation::regcollation, rg.rngcanonical::regproc, rg.rngsubdiff::regproc)
			FROM pg_range rg JOIN pg_opclass oc ON oc.oid = rg.rngsubopc WHERE rg.rngtypid = t.oid)
		WHEN 'b' THEN format('INPUT %s OUTPUT %s RECEIVE %s SEND %s LENGTH %s ALIGN %s STORAGE %s CATEGORY %s',
			t.typinput::regproc, t.typoutput::regproc, t.typreceive::regproc, t.typsend::regproc, t.typlen, t.typalign, t.typstorage, t.typcategory)
		ELSE '' END
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid >= 16384 AND t.typtype IN ('r', 'b', 'p')
	AND (t.typcategory <> 'A' OR t.typelem = 0 OR NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid))
	AND $SCOPE AND ` + invNotPart("pg_type", "t.oid")},

	// Comments on everything but what the model holds them for: tables,
	// views and materialized views, columns, table indexes and constraints
	// (an index or sequence that is part of a constraint or column still
	// has its own comment), standalone sequences, functions and
	// procedures, domains, composite types, indexes of materialized views;
	// the table column carries the object's type, the name its identity.
	{"", `SELECT 'comment', '', io.type, io.identity, d.description
FROM pg_description d CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) io
WHERE d.objoid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid
		AND (e.deptype = 'e' OR e.deptype = 'i' AND e.classid <> 'pg_class'::regclass))
	AND NOT (d.classoid = 'pg_class'::regclass AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objoid AND (c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
		OR c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend od WHERE $OWNED)
		OR c.relkind = 'i' AND EXISTS (SELECT 1 FROM pg_index x JOIN pg_class m ON m.oid = x.indrelid WHERE x.indexrelid = c.oid AND m.relkind = 'm'))))
	AND NOT (d.classoid = 'pg_proc'::regclass AND EXISTS (SELECT 1 FROM pg_proc p WHERE p.oid = d.objoid AND p.prokind IN ('f', 'p')))
	AND NOT (d.classoid = 'pg_type'::regclass AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objoid AND t.typtype IN ('d', 'c')))
	AND NOT (d.classoid = 'pg_class'::regclass AND ` + fmt.Sprintf(invModelledIndexSQL, "d.objoid") + `
		AND NOT EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.conindid = d.objoid AND pc.contype = 'x'))
	AND NOT (d.classoid = 'pg_constraint'::regclass AND EXISTS (SELECT 1 FROM pg_constraint pc JOIN pg_class c ON c.oid = pc.conrelid
		WHERE pc.oid = d.objoid AND pc.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND NOT c.relispartition))
	AND (io.schema = ANY (current_schemas(false)) AND io.schema NOT IN ('pg_catalog', 'information_schema')
		OR io.schema IS NULL AND d.classoid IN ('pg_event_trigger'::regclass, 'pg_foreign_server'::regclass, 'pg_foreign_data_wrapper'::regclass,
			'pg_publication'::regclass, 'pg_cast'::regclass, 'pg_language'::regclass, 'pg_am'::regclass, 'pg_transform'::regclass))`},

	// Extended statistics: the definition without its trailing FROM
	// table (the table column names it), so a renamed table keeps them.
	{"pg_statistic_ext", `SELECT 'stat', n.nspname::text, c.relname::text, s.stxname::text,
	CASE WHEN right(sd.def, length(sd.rel)) = sd.rel THEN left(sd.def, -length(sd.rel)) ELSE sd.def END
FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace JOIN pg_class c ON c.oid = s.stxrelid
CROSS JOIN LATERAL (SELECT pg_get_statisticsobjdef(s.oid) AS def, ' FROM ' || s.stxrelid::regclass::text AS rel) sd
WHERE $SCOPE AND ` + invNotPart("pg_statistic_ext", "s.oid")},

	{"pg_collation", `SELECT 'coll', n.nspname::text, '', co.collname::text,
	(to_jsonb(co) - 'oid' - 'collname' - 'collnamespace' - 'collowner' - 'collversion')::text
FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE $SCOPE AND ` + invNotPart("pg_collation", "co.oid")},

	{"pg_operator", `SELECT 'oper', n.nspname::text, '', format('%s(%s, %s)', o.oprname, CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END,
		format_type(o.oprright, NULL)),
	format('FUNCTION %s RESULT %s COMMUTATOR %s NEGATOR %s RESTRICT %s JOIN %s HASHES %s MERGES %s', o.oprcode::regproc,
		format_type(o.oprresult, NULL), o.oprcom::regoperator, o.oprnegate::regoperator, o.oprrest::regproc, o.oprjoin::regproc, o.oprcanhash, o.oprcanmerge)
FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE $SCOPE AND ` + invNotPart("pg_operator", "o.oid")},

	{"pg_opclass", `SELECT 'opc', n.nspname::text, '', oc.opcname || ' USING ' || am.amname,
	format('FOR TYPE %s FAMILY %s DEFAULT %s STORAGE %s', format_type(oc.opcintype, NULL), f.opfname, oc.opcdefault, format_type(oc.opckeytype, NULL))
FROM pg_opclass oc JOIN pg_namespace n ON n.oid = oc.opcnamespace JOIN pg_am am ON am.oid = oc.opcmethod
JOIN pg_opfamily f ON f.oid = oc.opcfamily
WHERE $SCOPE AND ` + invNotPart("pg_opclass", "oc.oid")},

	{"pg_opfamily", `SELECT 'opf', n.nspname::text, '', f.opfname || ' USING ' || am.amname, concat_ws(', ',
	(SELECT string_agg(format('OPERATOR %s %s', ao.amopstrategy, ao.amopopr::regoperator), ', ' ORDER BY ao.amopstrategy, ao.amopopr::regoperator::text)
		FROM pg_amop ao WHERE ao.amopfamily = f.oid),
	(SELECT string_agg(format('FUNCTION %s %s', ap.amprocnum, ap.amproc::regprocedure), ', ' ORDER BY ap.amprocnum, ap.amproc::regprocedure::text)
		FROM pg_amproc ap WHERE ap.amprocfamily = f.oid))
FROM pg_opfamily f JOIN pg_namespace n ON n.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
WHERE $SCOPE AND ` + invNotPart("pg_opfamily", "f.oid")},

	{"pg_conversion", `SELECT 'conv', n.nspname::text, '', cv.conname::text, format('FOR %s TO %s FROM %s DEFAULT %s',
	pg_encoding_to_char(cv.conforencoding), pg_encoding_to_char(cv.contoencoding), cv.conproc::regproc, cv.condefault)
FROM pg_conversion cv JOIN pg_namespace n ON n.oid = cv.connamespace
WHERE $SCOPE AND ` + invNotPart("pg_conversion", "cv.oid")},

	{"pg_ts_config", `SELECT 'tscfg', n.nspname::text, '', cf.cfgname::text, concat_ws(' ',
	'PARSER ' || (SELECT pr.prsname::text FROM pg_ts_parser pr WHERE pr.oid = cf.cfgparser),
	(SELECT string_agg(format('%s:%s', m.maptokentype, m.mapdict::regdictionary), ' ' ORDER BY m.maptokentype, m.mapseqno)
		FROM pg_ts_config_map m WHERE m.mapcfg = cf.oid))
FROM pg_ts_config cf JOIN pg_namespace n ON n.oid = cf.cfgnamespace
WHERE $SCOPE AND ` + invNotPart("pg_ts_config", "cf.oid")},

	{"pg_ts_dict", `SELECT 'tsdict', n.nspname::text, '', dt.dictname::text, concat_ws(' ',
	'TEMPLATE ' || (SELECT tm.tmplname::text FROM pg_ts_template tm WHERE tm.oid = dt.dicttemplate), dt.dictinitoption)
FROM pg_ts_dict dt JOIN pg_namespace n ON n.oid = dt.dictnamespace
WHERE $SCOPE AND ` + invNotPart("pg_ts_dict", "dt.oid")},

	{"pg_ts_parser", `SELECT 'tsprs', n.nspname::text, '', pr.prsname::text, format('START %s GETTOKEN %s END %s HEADLINE %s LEXTYPES %s',
	pr.prsstart::regproc, pr.prstoken::regproc, pr.prsend::regproc, pr.prsheadline::regproc, pr.prslextype::regproc)
FROM pg_ts_parser pr JOIN pg_namespace n ON n.oid = pr.prsnamespace
WHERE $SCOPE AND ` + invNotPart("pg_ts_parser", "pr.oid")},

	{"pg_ts_template", `SELECT 'tstmpl', n.nspname::text, '', tm.tmplname::text, format('INIT %s LEXIZE %s', tm.tmplinit::regproc, tm.tmpllexize::regproc)
FROM pg_ts_template tm JOIN pg_namespace n ON n.oid = tm.tmplnamespace
WHERE $SCOPE AND ` + invNotPart("pg_ts_template", "tm.oid")},

	// Objects of the database outside any schema that are the user's
	// (created after initdb, not by an extension). A user mapping's
	// options are listed without those that hold credentials.
	{"pg_foreign_data_wrapper", `SELECT 'fdw', '', '', w.fdwname::text, format('HANDLER %s VALIDATOR %s', w.fdwhandler::regproc, w.fdwvalidator::regproc)
	|| COALESCE(' OPTIONS (' || array_to_string(w.fdwoptions, ', ') || ')', '')
FROM pg_foreign_data_wrapper w WHERE ` + invNotPart("pg_foreign_data_wrapper", "w.oid")},

	{"pg_foreign_server", `SELECT 'srv', '', '', s.srvname::text, concat_ws(' ', 'FOREIGN DATA WRAPPER ' || w.fdwname, 'TYPE ' || s.srvtype, 'VERSION ' || s.srvversion,
	'OPTIONS (' || (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(s.srvoptions) o WHERE o NOT ILIKE '%password%') || ')')
FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE ` + invNotPart("pg_foreign_server", "s.oid")},

	{"pg_user_mapping", `SELECT 'um', '', '', format('FOR %s SERVER %s', um.usename, um.srvname),
	'OPTIONS (' || (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(um.umoptions) o WHERE o !~* '^[^=]*(password|secret|key|token)') || ')'
FROM pg_user_mappings um`},

	{"pg_publication", `SELECT 'pub', '', '', p.pubname::text, concat_ws(' ', CASE WHEN p.puballtables THEN 'FOR ALL TABLES' END,
	(SELECT 'FOR TABLE ' || string_agg(pr.prrelid::regclass::text, ', ' ORDER BY pr.prrelid::regclass::text) FROM pg_publication_rel pr WHERE pr.prpubid = p.oid),
	format('insert=%s update=%s delete=%s truncate=%s', p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate))
FROM pg_publication p`},

	{"pg_cast", `SELECT 'cast', '', '', format('(%s AS %s)', format_type(ca.castsource, NULL), format_type(ca.casttarget, NULL)),
	CASE ca.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || ca.castfunc::regprocedure::text WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
	|| CASE ca.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END
FROM pg_cast ca WHERE ca.oid >= 16384 AND ` + invNotPart("pg_cast", "ca.oid")},

	{"pg_language", `SELECT 'lang', '', '', l.lanname::text, format('HANDLER %s INLINE %s VALIDATOR %s TRUSTED %s',
	l.lanplcallfoid::regproc, l.laninline::regproc, l.lanvalidator::regproc, l.lanpltrusted)
FROM pg_language l WHERE l.oid >= 16384 AND ` + invNotPart("pg_language", "l.oid")},

	{"pg_am", `SELECT 'am', '', '', a.amname::text, format('TYPE %s HANDLER %s', a.amtype, a.amhandler::regproc)
FROM pg_am a WHERE a.oid >= 16384 AND ` + invNotPart("pg_am", "a.oid")},

	{"pg_transform", `SELECT 'transform', '', '', format('FOR %s LANGUAGE %s', format_type(tr.trftype, NULL), l.lanname),
	format('FROM SQL %s TO SQL %s', tr.trffromsql::regproc, tr.trftosql::regproc)
FROM pg_transform tr JOIN pg_language l ON l.oid = tr.trflang WHERE ` + invNotPart("pg_transform", "tr.oid")},
}

// invForeignSQL: the server and options of foreign table c, NULL for
// other relations.
const invForeignSQL = `(SELECT 'SERVER ' || quote_ident(fs.srvname) || COALESCE(' OPTIONS (' || array_to_string(ft.ftoptions, ', ') || ')', '')
	FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid)`
