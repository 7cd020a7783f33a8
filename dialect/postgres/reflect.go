package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// Reflection reads pg_catalog with one query per kind of object, each
// covering every schema of the search path at once, so its cost grows
// linearly with the number of tables (information_schema's views took
// 40 s on 500 tables).

// reflScopeSQL restricts a query on namespace n to the reflected schemas.
const reflScopeSQL = `n.nspname = ANY (current_schemas(false)) AND n.nspname NOT IN ('pg_catalog', 'information_schema')`

// reflNotExtensionSQL leaves out objects an extension owns (PostGIS's
// spatial_ref_sys...); %s is the object's oid, %s its catalog.
const reflNotExtensionSQL = `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')`

// reflRetortTablesSQL lists retort's bookkeeping tables, never reflected.
var reflRetortTablesSQL = reflList(dialect.BookkeepingTables)

// reflList writes names as an SQL list of string literals.
func reflList(names []string) string {
	lits := make([]string, len(names))
	for i, n := range names {
		lits[i] = literal(n)
	}
	return "(" + strings.Join(lits, ", ") + ")"
}

// reflector carries one reflection's state.
type reflector struct {
	ctx     context.Context
	q       dialect.Querier
	path    pgSearchPath // as configured; its first schema is reflected as ""
	version int          // server_version_num
	s       *schema.Schema
	tables  map[uint32]*schema.Table
	// exclusions are the exclusion constraints by the oid of their index
	// (the constraints step's), and exclusionIndexes those indexes (the
	// index step's), which the exclusion indexes step joins.
	exclusions       map[uint32]*schema.Exclusion
	exclusionIndexes map[uint32]*schema.Index
	keys             *reflKeyCols
}

// Reflect implements dialect.Dialect. Given a pool without a limit on
// its connections (check and diff), it reads on several at once; a
// connection or transaction (an upgrade under retort's lock) is read
// from alone.
func (Dialect) Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error) {
	r := newReflector(ctx, q)
	parallel := false
	if db, ok := q.(*sql.DB); ok && reflWorkers > 1 && db.Stats().MaxOpenConnections == 0 {
		var err error
		switch parallel, err = r.parallel(db); {
		case reflOutOfLocks(err):
			// Each connection locks until it ends the tables whose
			// expressions it prints; one statement at a time locks fewer.
			r, parallel = newReflector(ctx, q), false
		case err != nil:
			return nil, err
		}
	}
	if !parallel {
		r.q = q
		if err := r.searchPath(); err != nil {
			return nil, fmt.Errorf("reflect PostgreSQL search path: %w", err)
		}
		if err := r.sequential(); err != nil {
			return nil, err
		}
	}
	reflSortSchema(r.s)
	return r.s, nil
}

func newReflector(ctx context.Context, q dialect.Querier) *reflector {
	return &reflector{ctx: ctx, q: q, s: &schema.Schema{}, tables: map[uint32]*schema.Table{},
		exclusions: map[uint32]*schema.Exclusion{}, exclusionIndexes: map[uint32]*schema.Index{}, keys: newReflKeyCols()}
}

// schemaName is how a namespace appears in the model: "" for the first
// schema of the search path, where unqualified names land.
func (r *reflector) schemaName(nsp string) string {
	if nsp == r.path.first() {
		return ""
	}
	return nsp
}

// searchPath reads the search path as configured: unqualified names
// are meant for its first schema even when that does not exist (and
// PostgreSQL put them in the next one), so they are not taken for it.
func (r *reflector) searchPath() error {
	var setting, user string
	var effective []string
	err := r.q.QueryRowContext(r.ctx, `SELECT `+searchPathColumns+`, current_setting('server_version_num')::int`).
		Scan(&setting, &user, r.names(&effective), &r.version)
	if err != nil {
		return err
	}
	r.path = newSearchPath(setting, user, effective)
	return nil
}

// names scans a text[] column.
func (r *reflector) names(dst *[]string) any { return textArray{dst} }

func reflSortSchema(s *schema.Schema) {
	less := func(as, an, bs, bn string) bool {
		if as != bs {
			return as < bs
		}
		return an < bn
	}
	sort.Slice(s.Tables, func(i, j int) bool {
		a, b := s.Tables[i], s.Tables[j]
		return less(a.Schema, a.Name, b.Schema, b.Name)
	})
	sort.Slice(s.Views, func(i, j int) bool {
		a, b := s.Views[i], s.Views[j]
		return less(a.Schema, a.Name, b.Schema, b.Name)
	})
	sort.Slice(s.Triggers, func(i, j int) bool {
		a, b := s.Triggers[i], s.Triggers[j]
		if a.Schema != b.Schema || a.Table != b.Table {
			return less(a.Schema, a.Table, b.Schema, b.Table)
		}
		return a.Name < b.Name
	})
	sort.Slice(s.Enums, func(i, j int) bool {
		a, b := s.Enums[i], s.Enums[j]
		return less(a.Schema, a.Name, b.Schema, b.Name)
	})
}
