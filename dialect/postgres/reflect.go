package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// reflFilter keeps objects of the search path's schemas (never the system
// ones) that no extension owns; it expects pg_namespace as n and obj to be
// the object's oid.
func reflFilter(obj string) string {
	return `n.nspname = ANY (current_schemas(false))
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ` + obj + ` AND d.deptype = 'e')`
}

// reflTablesCTE names the reflected tables' oids, for the per-kind queries
// to join: each of them is one catalog-wide query.
var reflTablesCTE = `WITH refl_t AS (
SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relname NOT IN ('retort_version', 'retort_history', 'retort_progress')
  AND ` + reflFilter("c.oid") + `)
`

// reflector holds one reflection's state.
type reflector struct {
	q      dialect.Querier
	first  string // first schema of the search path, reported as ""
	s      *schema.Schema
	tables map[int64]*schema.Table
}

// Reflect implements dialect.Dialect: the tables, views, triggers and enum
// types of every schema in the connection's search path, read with a fixed
// handful of pg_catalog queries whatever the number of tables. Objects in
// the first schema of the search path get Schema "", so a database and a
// scratch copy with the same search path compare equal.
func (Dialect) Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error) {
	r := &reflector{q: q, s: &schema.Schema{}, tables: map[int64]*schema.Table{}}
	var first sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT (current_schemas(false))[1]`).Scan(&first); err != nil {
		return nil, fmt.Errorf("reflect: read the search path: %w", err)
	}
	r.first = first.String
	for _, step := range []func(context.Context) error{
		r.loadTables, r.loadColumns, r.loadConstraints, r.loadIndexes,
		r.loadViews, r.loadTriggers, r.loadEnums,
	} {
		if err := step(ctx); err != nil {
			return nil, err
		}
	}
	r.sort()
	return r.s, nil
}

// schemaName maps a namespace to the model's spelling.
func (r *reflector) schemaName(nsp string) string {
	if nsp == r.first {
		return ""
	}
	return nsp
}

// query runs one catalog query and hands each row to scan.
func (r *reflector) query(ctx context.Context, what, query string, scan func(*sql.Rows) error) error {
	rows, err := r.q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflect %s from pg_catalog: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("reflect %s from pg_catalog: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflect %s from pg_catalog: %w", what, err)
	}
	return nil
}

func (r *reflector) loadTables(ctx context.Context) error {
	return r.query(ctx, "tables", reflTablesCTE+`
SELECT c.oid, n.nspname, c.relname, coalesce(obj_description(c.oid, 'pg_class'), '')
FROM refl_t JOIN pg_class c ON c.oid = refl_t.oid JOIN pg_namespace n ON n.oid = c.relnamespace`,
		func(rows *sql.Rows) error {
			var oid int64
			t := &schema.Table{}
			if err := rows.Scan(&oid, &t.Schema, &t.Name, &t.Comment); err != nil {
				return err
			}
			t.Schema = r.schemaName(t.Schema)
			r.tables[oid] = t
			r.s.Tables = append(r.s.Tables, t)
			return nil
		})
}

// sort puts everything in a deterministic order: tables, views, triggers
// and enums by schema then name; constraints and indexes by name.
func (r *reflector) sort() {
	s := r.s
	sort.Slice(s.Tables, func(i, j int) bool {
		return reflLess(s.Tables[i].Schema, s.Tables[i].Name, s.Tables[j].Schema, s.Tables[j].Name)
	})
	sort.Slice(s.Views, func(i, j int) bool {
		return reflLess(s.Views[i].Schema, s.Views[i].Name, s.Views[j].Schema, s.Views[j].Name)
	})
	sort.Slice(s.Triggers, func(i, j int) bool {
		a, b := s.Triggers[i], s.Triggers[j]
		if a.Schema != b.Schema || a.Table != b.Table {
			return reflLess(a.Schema, a.Table, b.Schema, b.Table)
		}
		return a.Name < b.Name
	})
	sort.Slice(s.Enums, func(i, j int) bool {
		return reflLess(s.Enums[i].Schema, s.Enums[i].Name, s.Enums[j].Schema, s.Enums[j].Name)
	})
	for _, t := range s.Tables {
		sort.Slice(t.Uniques, func(i, j int) bool { return t.Uniques[i].Name < t.Uniques[j].Name })
		sort.Slice(t.ForeignKeys, func(i, j int) bool { return t.ForeignKeys[i].Name < t.ForeignKeys[j].Name })
		sort.Slice(t.Checks, func(i, j int) bool { return t.Checks[i].Name < t.Checks[j].Name })
		sort.Slice(t.Indexes, func(i, j int) bool { return t.Indexes[i].Name < t.Indexes[j].Name })
	}
}

func reflLess(s1, n1, s2, n2 string) bool {
	if s1 != s2 {
		return s1 < s2
	}
	return n1 < n2
}

// reflNames decodes a json_agg of names; NULL is no names.
func reflNames(raw sql.NullString) ([]string, error) {
	if !raw.Valid {
		return nil, nil
	}
	var names []string
	if err := json.Unmarshal([]byte(raw.String), &names); err != nil {
		return nil, fmt.Errorf("decode name list %s: %w", raw.String, err)
	}
	return names, nil
}
