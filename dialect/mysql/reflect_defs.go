package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// defLanes is how many connections read the table definitions, next to
// the lanes of the information_schema queries, one statement per table.
// Their round trips set the time, more so on a loaded machine: with 500
// tables at load 20 on 2 cores, reflection took 0.77 s with 2 lanes,
// 0.63 s with 4, 0.59 s with 8 (4 runs each). batchLanes is that number
// when the statements go in batches (see loadDefs), batchSize statements
// a round trip.
const (
	defLanes   = 4
	batchLanes = 2
	batchSize  = 100
)

// defSteps splits the SHOW CREATE TABLE of every base table into steps,
// each a lane. information_schema has no column for what they are read
// for (see tableDef), so it is one statement per table.
func (r *reflector) defSteps() [][]step {
	n := defLanes
	if r.pool != nil && batchConnector(r.pool) != nil {
		n = batchLanes
	}
	names := make([]string, 0, len(r.s.Tables))
	for _, t := range r.s.Tables {
		names = append(names, t.Name)
	}
	lanes := make([][]step, 0, n)
	for i := range n {
		chunk := names[len(names)*i/n : len(names)*(i+1)/n]
		if len(chunk) > 0 {
			lanes = append(lanes, []step{func(r *reflector, ctx context.Context) error { return r.loadDefs(ctx, chunk) }})
		}
	}
	return lanes
}

// loadDefs reads the named tables' definitions into their tableInfo.
// Given a pool Open made, it sends them batchSize statements at a time
// on a connection of its own that takes several (the driver's
// multiStatements, off on the pool's connections); else one by one on
// r.q, the caller's session.
func (r *reflector) loadDefs(ctx context.Context, names []string) error {
	if r.pool != nil {
		if c := batchConnector(r.pool); c != nil {
			db := sql.OpenDB(c)
			defer db.Close()
			for len(names) > 0 {
				n := min(batchSize, len(names))
				if err := r.loadDefBatch(ctx, db, names[:n]); err != nil {
					return err
				}
				names = names[n:]
			}
			return nil
		}
	}
	for _, name := range names {
		var table, def string
		if err := r.q.QueryRowContext(ctx, "SHOW CREATE TABLE "+quote(name)).Scan(&table, &def); err != nil {
			return fmt.Errorf("reflect the definition of table %s in database %s: %w", name, r.db, err)
		}
		r.tables[name].def = parseTableDef(def)
	}
	return nil
}

// loadDefBatch runs one SHOW CREATE TABLE per name in one round trip;
// the server answers each with a result set of its own, in order.
func (r *reflector) loadDefBatch(ctx context.Context, db *sql.DB, names []string) error {
	stmts := make([]string, len(names))
	for i, name := range names {
		stmts[i] = "SHOW CREATE TABLE " + quote(name)
	}
	rows, err := db.QueryContext(ctx, strings.Join(stmts, ";\n"))
	if err != nil {
		return fmt.Errorf("reflect the definitions of tables %s... in database %s: %w", names[0], r.db, err)
	}
	defer rows.Close()
	for i, name := range names {
		if i > 0 && !rows.NextResultSet() {
			if err := rows.Err(); err != nil {
				return fmt.Errorf("reflect the definition of table %s in database %s: %w", name, r.db, err)
			}
			return fmt.Errorf("reflect the definition of table %s in database %s: the server sent %d of %d definitions", name, r.db, i, len(names))
		}
		if !rows.Next() {
			return fmt.Errorf("reflect the definition of table %s in database %s: no row: %v", name, r.db, rows.Err())
		}
		var table, def string
		if err := rows.Scan(&table, &def); err != nil {
			return fmt.Errorf("reflect the definition of table %s in database %s: %w", name, r.db, err)
		}
		r.tables[name].def = parseTableDef(def)
	}
	return rows.Err()
}
