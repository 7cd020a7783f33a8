package postgres

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// reflConstraintsSQL reads keys (checks are reflChecksSQL's). Key
// columns come back as attribute numbers in key order (conkey/confkey),
// named by the key columns step (reflect_keycols.go). A
// primary key's or unique constraint's INCLUDE columns and storage
// parameters are its index's (conindid; a foreign key's conindid is the
// referenced key's, hence the contype tests).
var reflConstraintsSQL = `SELECT con.conrelid, con.conname, con.contype,
	con.conkey, COALESCE(rn.nspname, ''), COALESCE(rc.relname, ''), con.confrelid, con.confkey,
	con.confdeltype, con.confupdtype, con.confmatchtype,
	con.condeferrable, con.condeferred, con.convalidated,
	con.conindid, COALESCE(d.description, ''), $NND,
	ARRAY(SELECT a.attname::text FROM pg_index ki CROSS JOIN LATERAL unnest(ki.indkey::int2[]) WITH ORDINALITY k(num, ord)
		JOIN pg_attribute a ON a.attrelid = ki.indrelid AND a.attnum = k.num
		WHERE ki.indexrelid = con.conindid AND con.contype IN ('p', 'u') AND k.ord > ki.indnkeyatts ORDER BY k.ord),
	COALESCE((SELECT array_to_string(ic.reloptions, ', ') FROM pg_class ic WHERE ic.oid = con.conindid AND con.contype IN ('p', 'u')), ''),
	$DELSETCOLS
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE ` + reflScopeSQL + ` AND con.contype IN ('p', 'u', 'f', 'x') AND c.relkind IN ('r', 'p')
	AND con.conparentid = 0 -- not the per-partition copies of a key to a partitioned table
ORDER BY con.conrelid, con.conname`

// reflChecksSQL reads check constraints. It is a step of its own because
// pg_get_constraintdef opens every table it names a column of (building
// the relcache entry: most of a 500-table reflection's constraint time),
// which a second connection can do while the first reads the keys.
const reflChecksSQL = `SELECT con.conrelid, con.conname, pg_get_constraintdef(con.oid, true), con.connoinherit, COALESCE(d.description, '')
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE ` + reflScopeSQL + ` AND con.contype = 'c' AND c.relkind IN ('r', 'p') AND con.conparentid = 0
ORDER BY con.conrelid, con.conname`

// checks fills each table's Checks, in name order.
func (r *reflector) checks() error {
	rows, err := r.q.QueryContext(r.ctx, reflChecksSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			oid                uint32
			name, def, comment string
			noInherit          bool
		)
		if err := rows.Scan(&oid, &name, &def, &noInherit, &comment); err != nil {
			return err
		}
		if t := r.tables[oid]; t != nil {
			t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: reflCheckExpr(def), NoInherit: noInherit, Comment: comment})
		}
	}
	return rows.Err()
}

func (r *reflector) constraints() error {
	rows, err := r.q.QueryContext(r.ctx, reflVersioned(reflConstraintsSQL, r.version))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			oid, refOid                     uint32
			name, kind, refNsp, refTable    string
			nums, refNums                   []int64
			onDel, onUpd, match             string
			deferrable, deferred, validated bool
			nnd                             bool
			index                           uint32
			comment, params                 string
			include, setCols                []string
		)
		if err := rows.Scan(&oid, &name, &kind, int64Array{&nums}, &refNsp, &refTable, &refOid, int64Array{&refNums},
			&onDel, &onUpd, &match, &deferrable, &deferred, &validated,
			&index, &comment, &nnd, r.names(&include), &params, r.names(&setCols)); err != nil {
			return err
		}
		t := r.tables[oid]
		if t == nil {
			continue
		}
		switch kind {
		case "p":
			t.PrimaryKey = &schema.PrimaryKey{Name: name, Comment: comment, Include: nonEmpty(include), Params: params}
			r.keys.name(oid, nums, &t.PrimaryKey.Columns)
		case "u":
			u := &schema.Unique{Name: name, Deferrable: deferrable, InitiallyDeferred: deferred,
				NullsNotDistinct: nnd, Include: nonEmpty(include), Params: params, Comment: comment}
			t.Uniques = append(t.Uniques, u)
			r.keys.name(oid, nums, &u.Columns)
		case "f":
			fk := &schema.ForeignKey{
				Name:      name,
				RefSchema: r.schemaName(refNsp), RefTable: refTable,
				OnDelete: reflActions[onDel], OnUpdate: reflActions[onUpd], DeleteSetColumns: nonEmpty(setCols),
				Deferrable: deferrable, InitiallyDeferred: deferred,
				Match: reflMatches[match], NotValid: !validated, Comment: comment,
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
			r.keys.name(oid, nums, &fk.Columns)
			r.keys.name(refOid, refNums, &fk.RefColumns)
		case "x":
			x := &schema.Exclusion{Name: name, Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment}
			t.Exclusions = append(t.Exclusions, x)
			r.exclusions[index] = x
		}
	}
	return rows.Err()
}

var reflActions = map[string]schema.FKAction{
	"a": schema.NoAction, "r": schema.Restrict, "c": schema.Cascade,
	"n": schema.SetNull, "d": schema.SetDefault,
}

var reflMatches = map[string]schema.FKMatch{"f": schema.MatchFull, "p": schema.MatchPartial, "s": schema.MatchSimple}

// reflCheckExpr turns pg_get_constraintdef's "CHECK ((a > 0)) NOT VALID"
// into "a > 0".
func reflCheckExpr(def string) string {
	def = strings.TrimSpace(def)
	for _, suffix := range []string{" NOT VALID", " NO INHERIT"} {
		def = strings.TrimSuffix(def, suffix)
	}
	def = strings.TrimSpace(strings.TrimPrefix(def, "CHECK"))
	return reflStripParens(def)
}

// reflStripParens removes parentheses that wrap the whole expression.
func reflStripParens(s string) string {
	for {
		s = strings.TrimSpace(s)
		if len(s) < 2 || s[0] != '(' || reflMatchingParen(s, 0) != len(s)-1 {
			return s
		}
		s = s[1 : len(s)-1]
	}
}

// reflMatchingParen returns the index of the parenthesis closing s[open],
// skipping string literals and quoted identifiers, or -1.
func reflMatchingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'', '"':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
			}
			if i >= len(s) {
				return -1
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// nonEmpty keeps the model's "none" as nil, whatever the array scanner
// made of an empty array.
func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// reflVersioned fills in $NND, whether an index (i, or the index of
// constraint con) is NULLS NOT DISTINCT, and $DELSETCOLS, the columns
// ON DELETE SET NULL/DEFAULT of foreign key con sets: false and none
// before PostgreSQL 15.
func reflVersioned(query string, version int) string {
	nnd, setCols := "false", "'{}'::text[]"
	if version >= 150000 {
		setCols = `ARRAY(SELECT a.attname::text FROM unnest(con.confdelsetcols) WITH ORDINALITY k(num, ord)
		JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)`
		nnd = "COALESCE(i.indnullsnotdistinct, false)"
		if !strings.Contains(query, "FROM pg_index i") {
			nnd = "CASE WHEN con.contype = 'u' THEN (SELECT i.indnullsnotdistinct FROM pg_index i WHERE i.indexrelid = con.conindid) ELSE false END"
		}
	}
	return strings.NewReplacer("$NND", nnd, "$DELSETCOLS", setCols).Replace(query)
}
