package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// Reflection reads only the schemas of the target's search path, so what
// a schema file creates in any other schema would be silently left out of
// check, diff and autogenerate. The load lists such objects before and
// after the files run and refuses the new ones.

// loadOutsideSQL lists the user's schemas off the search path and what
// they hold that reflection would otherwise model: relations, types,
// functions. Extension members are the extension's; "public" is in every
// new database, so only what it holds counts. The last column says
// whether an object of the search path uses it (a foreign key's target,
// a column's type, a called function): such objects are what the
// reflected ones refer to (auth.users under a Supabase schema), needed
// for the load, and the reference itself is compared.
const loadOutsideSQL = `WITH outside AS (
  SELECT n.oid, n.nspname FROM pg_namespace n
  WHERE NOT (n.nspname = ANY (current_schemas(false)))
    AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
), inside AS (
  SELECT n.oid FROM pg_namespace n WHERE n.nspname = ANY (current_schemas(false))
), used AS (
  SELECT d.refclassid, d.refobjid FROM pg_depend d
  WHERE d.deptype = 'n' AND COALESCE(
    (SELECT x.connamespace FROM pg_constraint x WHERE d.classid = 'pg_constraint'::regclass AND x.oid = d.objid),
    (SELECT x.relnamespace FROM pg_class x WHERE d.classid = 'pg_class'::regclass AND x.oid = d.objid),
    (SELECT c.relnamespace FROM pg_rewrite w JOIN pg_class c ON c.oid = w.ev_class WHERE d.classid = 'pg_rewrite'::regclass AND w.oid = d.objid),
    (SELECT c.relnamespace FROM pg_attrdef a JOIN pg_class c ON c.oid = a.adrelid WHERE d.classid = 'pg_attrdef'::regclass AND a.oid = d.objid),
    (SELECT c.relnamespace FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE d.classid = 'pg_trigger'::regclass AND t.oid = d.objid),
    (SELECT x.pronamespace FROM pg_proc x WHERE d.classid = 'pg_proc'::regclass AND x.oid = d.objid),
    (SELECT x.typnamespace FROM pg_type x WHERE d.classid = 'pg_type'::regclass AND x.oid = d.objid)
  ) IN (SELECT oid FROM inside)
)
SELECT 'schema', o.nspname, '', false FROM outside o WHERE o.nspname <> 'public'
UNION ALL
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
  WHEN 'f' THEN 'foreign table' ELSE 'table' END, o.nspname, c.relname,
  EXISTS (SELECT 1 FROM used u WHERE u.refclassid = 'pg_class'::regclass AND u.refobjid = c.oid)
FROM pg_class c JOIN outside o ON o.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT 'type', o.nspname, t.typname,
  EXISTS (SELECT 1 FROM used u WHERE u.refclassid = 'pg_type'::regclass AND u.refobjid = t.oid)
FROM pg_type t JOIN outside o ON o.oid = t.typnamespace
WHERE t.typtype IN ('c', 'd', 'e', 'r', 'm') AND t.typelem = 0
  AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype IN ('e', 'i'))
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, o.nspname, p.proname,
  EXISTS (SELECT 1 FROM used u WHERE u.refclassid = 'pg_proc'::regclass AND u.refobjid = p.oid)
FROM pg_proc p JOIN outside o ON o.oid = p.pronamespace
WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')`

// outsideObject is an object off the search path: a schema (name "") or
// something in one.
type outsideObject struct {
	kind, nsp, name string
	used            bool // an object of the search path refers to it
}

func (o outsideObject) String() string {
	if o.name == "" {
		return o.kind + " " + quote(o.nsp)
	}
	return o.kind + " " + quote(o.nsp) + "." + quote(o.name)
}

// loadOutside returns what q's database holds off the search path.
func loadOutside(ctx context.Context, q dialect.Querier) ([]outsideObject, error) {
	rows, err := q.QueryContext(ctx, loadOutsideSQL)
	if err != nil {
		return nil, fmt.Errorf("list the objects outside the search path: %w", err)
	}
	defer rows.Close()
	var out []outsideObject
	for rows.Next() {
		var o outsideObject
		if err := rows.Scan(&o.kind, &o.nsp, &o.name, &o.used); err != nil {
			return nil, fmt.Errorf("list the objects outside the search path: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list the objects outside the search path: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, nil
}

// outsideError is a desired schema that created objects off the search
// path.
type outsideError struct {
	where      string // file:line, or "the desired schema"
	added      []string
	schema     string // the first added object's schema
	searchPath []string
}

func (e *outsideError) Error() string {
	more := ""
	if len(e.added) > 1 {
		more = fmt.Sprintf(" (and %d more: %s)", len(e.added)-1, strings.Join(e.added[1:], ", "))
	}
	path := strings.Join(append(append([]string{}, e.searchPath...), e.schema), ",")
	return fmt.Sprintf("%s creates %s%s, outside the URL's search_path (%s), so retort would neither compare nor migrate it; add %s to the URL (&search_path=%s) or leave it out of the desired schema (what the search path's objects refer to, such as a foreign key's target, may stay)",
		e.where, e.added[0], more, strings.Join(e.searchPath, ", "), e.schema, path)
}

func (e *outsideError) Unwrap() error { return dialect.ErrOutsideScope }

// loadOutsideError reports what the files created off the search path
// (after minus before), naming the first statement that mentions its
// schema; nil when they created nothing there.
func loadOutsideError(before, after []outsideObject, searchPath []string, files []dialect.SourceFile, d Dialect) error {
	had := map[string]bool{}
	for _, o := range before {
		had[o.String()] = true
	}
	// A schema holding a referenced object is needed for it.
	needed := map[string]bool{}
	for _, o := range after {
		if o.used {
			needed[o.nsp] = true
		}
	}
	e := &outsideError{where: "the desired schema", searchPath: searchPath}
	var first outsideObject
	for _, o := range after {
		if o.used || (o.name == "" && needed[o.nsp]) {
			continue
		}
		if !had[o.String()] {
			if len(e.added) == 0 {
				first = o
			}
			e.added = append(e.added, o.String())
		}
	}
	if len(e.added) == 0 {
		return nil
	}
	e.schema = quote(first.nsp)
	if at := loadMention(files, first.nsp, d); at != "" {
		e.where = at
	}
	return e
}

// loadMention returns "file:line" of the first statement that names
// schema nsp as a qualifier or creates it, or "".
func loadMention(files []dialect.SourceFile, nsp string, d Dialect) string {
	is := func(t sqlsplit.Token) bool {
		return t.Word && (t.Quoted && t.Text == nsp || !t.Quoted && strings.ToLower(t.Text) == nsp)
	}
	for _, f := range files {
		stmts, err := sqlsplit.SplitWith(f.SQL, d.SplitOptions())
		if err != nil {
			continue
		}
		for _, s := range stmts {
			toks := sqlsplit.Tokens(s.SQL, d.SplitOptions())
			for i, t := range toks {
				qualifier := is(t) && i+1 < len(toks) && toks[i+1].Text == "."
				created := is(t) && i > 0 && toks[i-1].Word && strings.EqualFold(toks[i-1].Text, "SCHEMA") ||
					is(t) && i > 1 && strings.EqualFold(toks[i-1].Text, "EXISTS") && strings.EqualFold(toks[i-2].Text, "NOT")
				if qualifier || created {
					return fmt.Sprintf("%s:%d", f.Name, s.Line)
				}
			}
		}
	}
	return ""
}

// loadCreatedSchemas names the schemas the statements create themselves
// with a plain CREATE SCHEMA (no IF NOT EXISTS), so the scratch load does
// not create them first.
func loadCreatedSchemas(stmts []loadStmt) map[string]bool {
	out := map[string]bool{}
	for _, st := range stmts {
		toks := sqlsplit.Tokens(st.SQL, Dialect{}.SplitOptions())
		if len(toks) < 3 || !strings.EqualFold(toks[0].Text, "CREATE") || !strings.EqualFold(toks[1].Text, "SCHEMA") {
			continue
		}
		switch name := toks[2]; {
		case name.Quoted:
			out[name.Text] = true
		case name.Word && !strings.EqualFold(name.Text, "IF") && !strings.EqualFold(name.Text, "AUTHORIZATION"):
			out[strings.ToLower(name.Text)] = true
		}
	}
	return out
}
