package postgres

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// sqlObjects models the search path's schemas (schemaObjects), and
// reads extensions, sequences, functions, procedures, domains, composite
// types, row-level security, policies, event triggers, materialized
// views' indexes and partitions in one catalog-wide query, then the
// dependencies of those that have any in a second, and builds each as a
// schema.SQLObject whose Create and Drop statements come from the same
// catalog facts as its Definition.
func (r *reflector) sqlObjects() error {
	type row struct {
		kind, nsp, table, name string
		fields                 []string
		cat, oid               string
		deps                   []string
		users                  []schema.ObjectUser
	}
	r.schemaObjects()
	var census string
	if err := r.q.QueryRowContext(r.ctx, reflObjectsCensusSQL, r.ownedSequences()).Scan(&census); err != nil {
		return fmt.Errorf("census: %w", err)
	}
	if census == "" {
		schema.SortSQLObjects(r.s.Objects)
		return nil
	}
	needs := map[string]bool{}
	for _, n := range strings.Split(census, ",") {
		needs[n] = true
	}
	var found []*row
	var cats, oids []string
	err := r.each(reflObjectsSQL(needs), nil, func(rows *sql.Rows) error {
		x := &row{}
		if err := rows.Scan(&x.kind, &x.nsp, &x.table, &x.name, r.names(&x.fields), &x.cat, &x.oid); err != nil {
			return err
		}
		found = append(found, x)
		if x.cat != "" {
			cats, oids = append(cats, x.cat), append(oids, x.oid)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(cats) > 0 {
		byPos := make([]*row, 0, len(cats))
		for _, x := range found {
			if x.cat != "" {
				byPos = append(byPos, x)
			}
		}
		err := r.each(reflDepsSQL, []any{cats, oids}, func(rows *sql.Rows) error {
			var i int
			var k string
			if err := rows.Scan(&i, &k); err != nil {
				return err
			}
			if i < 1 || i > len(byPos) {
				return fmt.Errorf("SQL objects: dependency of object %d of %d", i, len(byPos))
			}
			byPos[i-1].deps = append(byPos[i-1].deps, k)
			return nil
		})
		if err != nil {
			return fmt.Errorf("dependencies: %w", err)
		}
	}
	if err := usersOf(r, found, func(x *row) (string, string) { return x.cat, x.oid },
		func(x *row, u []schema.ObjectUser) { x.users = u }); err != nil {
		return err
	}
	for _, x := range found {
		build := objBuilders[x.kind]
		if build == nil {
			return fmt.Errorf("SQL objects: unknown kind %q", x.kind)
		}
		o := &schema.SQLObject{Kind: x.kind, Schema: r.schemaName(x.nsp), Table: x.table, Name: x.name}
		for _, d := range x.deps {
			p := strings.Split(d, reflDepSep)
			if len(p) != 4 {
				return fmt.Errorf("SQL objects: malformed dependency %q of %s", d, o.Label())
			}
			o.Deps = append(o.Deps, schema.ObjectKey(p[0], r.schemaName(p[1]), p[2], p[3]))
		}
		extra, err := build(o, x.nsp, x.fields)
		if err != nil {
			return fmt.Errorf("SQL objects: %s: %w", o.Label(), err)
		}
		o.Users = x.users
		r.s.Objects = append(r.s.Objects, o)
		for _, e := range extra {
			e.Schema = o.Schema
			r.s.Objects = append(r.s.Objects, e)
		}
	}
	usersAsDeps(r.s.Objects)
	schema.SortSQLObjects(r.s.Objects)
	return nil
}

// ownedSequences counts the reflected columns that own a sequence.
func (r *reflector) ownedSequences() int {
	n := 0
	for _, t := range r.s.Tables {
		for _, c := range t.Columns {
			if c.Identity != "" || c.AutoIncrement {
				n++
			}
		}
	}
	return n
}

// each runs a query and calls fn for every row.
func (r *reflector) each(query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := r.q.QueryContext(r.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// objBuilder fills an object's definition, statements, phase and
// attributes from its fields (nsp is its namespace as the catalog names
// it); it may return more objects made of the same row (a sequence's
// OWNED BY).
type objBuilder func(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error)

var objBuilders map[string]objBuilder

func init() {
	objBuilders = map[string]objBuilder{
		"extension":               objExtension,
		"sequence":                objSequence,
		"function":                objFunction,
		"procedure":               objFunction,
		"domain":                  objDomain,
		"composite type":          objComposite,
		"row level security":      objRowSecurity,
		"policy":                  objPolicy,
		"event trigger":           objEventTrigger,
		"materialized view index": objMatviewIndex,
		"partition":               objPartition,
		"partition key":           objPartitionKey,
	}
}

// objFields checks a row's field count.
func objFields(f []string, n int) error {
	if len(f) != n {
		return fmt.Errorf("%d catalog fields, want %d", len(f), n)
	}
	return nil
}

// objName is the object's name as statements write it.
func objName(o *schema.SQLObject) string { return qualified(o.Schema, o.Name) }

// objComment is the COMMENT statement for an object ("" text: none).
func objComment(what, target, text string) []string {
	if text == "" {
		return nil
	}
	return []string{fmt.Sprintf("COMMENT ON %s %s IS %s", what, target, literal(text))}
}

func objExtension(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 1); err != nil {
		return nil, err
	}
	o.Definition = "VERSION " + f[0]
	create := "CREATE EXTENSION " + quote(o.Name)
	if o.Schema != "" {
		create += " WITH SCHEMA " + quote(o.Schema)
	}
	o.Create = []string{create + " VERSION " + literal(f[0])}
	o.Drop = []string{"DROP EXTENSION " + quote(o.Name)}
	o.InPlace = true
	o.Attrs = map[string]string{"version": f[0]}
	return nil, nil
}

func objRowSecurity(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 2); err != nil {
		return nil, err
	}
	t := qualified(o.Schema, o.Table)
	var def []string
	if f[0] == "true" {
		def = append(def, "ENABLE")
		o.Create = append(o.Create, "ALTER TABLE "+t+" ENABLE ROW LEVEL SECURITY")
		o.Drop = append(o.Drop, "ALTER TABLE "+t+" DISABLE ROW LEVEL SECURITY")
	}
	if f[1] == "true" {
		def = append(def, "FORCE")
		o.Create = append(o.Create, "ALTER TABLE "+t+" FORCE ROW LEVEL SECURITY")
		o.Drop = append(o.Drop, "ALTER TABLE "+t+" NO FORCE ROW LEVEL SECURITY")
	}
	o.Definition = strings.Join(def, " ")
	o.Phase = schema.AfterTables
	o.Deps = append(o.Deps, schema.TableKey(o.Schema, o.Table))
	return nil, nil
}

func objPolicy(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 5); err != nil {
		return nil, err
	}
	as := "PERMISSIVE"
	if f[0] != "true" {
		as = "RESTRICTIVE"
	}
	def := fmt.Sprintf("AS %s FOR %s TO %s", as, f[1], f[2])
	if f[3] != "" {
		def += " USING (" + f[3] + ")"
	}
	if f[4] != "" {
		def += " WITH CHECK (" + f[4] + ")"
	}
	o.Definition = def
	on := quote(o.Name) + " ON " + qualified(o.Schema, o.Table)
	o.Create = []string{"CREATE POLICY " + on + " " + def}
	o.Drop = []string{"DROP POLICY " + on}
	o.Phase = schema.AfterTables
	o.Deps = append(o.Deps, schema.TableKey(o.Schema, o.Table))
	return nil, nil
}

func objEventTrigger(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 4); err != nil {
		return nil, err
	}
	def := "ON " + f[0]
	if f[1] != "" {
		def += " WHEN TAG IN (" + literalList(strings.Split(f[1], "\n")) + ")"
	}
	def += " EXECUTE FUNCTION " + f[2] + "()"
	o.Create = []string{"CREATE EVENT TRIGGER " + quote(o.Name) + " " + def}
	state := map[string]string{"D": "DISABLE", "R": "ENABLE REPLICA", "A": "ENABLE ALWAYS"}[f[3]]
	if state != "" {
		def += " " + state
		o.Create = append(o.Create, "ALTER EVENT TRIGGER "+quote(o.Name)+" "+state)
	}
	o.Definition = def
	o.Drop = []string{"DROP EVENT TRIGGER " + quote(o.Name)}
	o.Phase = schema.AfterTables
	return nil, nil
}

// objMatviewIndex builds an index of a materialized view: created after
// the view, made again whenever the view is.
func objMatviewIndex(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 2); err != nil {
		return nil, err
	}
	o.Definition = f[0]
	if f[1] != "" {
		o.Definition += " COMMENT " + literal(f[1])
	}
	o.Create = append([]string{f[0]}, objComment("INDEX", objName(o), f[1])...)
	o.Drop = []string{"DROP INDEX " + objName(o)}
	o.Phase = schema.AfterTables
	o.Deps = append(o.Deps, schema.TableKey(o.Schema, o.Table))
	return nil, nil
}
