package mysql

import (
	"context"
	"fmt"
)

// defLanes is how many connections read the table definitions, next to
// the lanes of the information_schema queries. The statements are cheap
// but one per table, so their round trips set the time, more so on a
// loaded machine: with 500 tables at load 20 on 2 cores, reflection took
// 0.77 s with 2 lanes, 0.63 s with 4, 0.59 s with 8 (4 runs each).
const defLanes = 4

// defSteps splits the SHOW CREATE TABLE of every base table into n
// steps. information_schema has no column for what they are read for
// (see tableDef), so it is one statement per table; the driver runs
// no multi-statements (see Config).
func (r *reflector) defSteps(n int) [][]step {
	names := make([]string, 0, len(r.s.Tables))
	for _, t := range r.s.Tables {
		names = append(names, t.Name)
	}
	lanes := make([][]step, 0, n)
	for i := range n {
		chunk := names[len(names)*i/n : len(names)*(i+1)/n]
		lanes = append(lanes, []step{func(r *reflector, ctx context.Context) error { return r.loadDefs(ctx, chunk) }})
	}
	return lanes
}

// loadDefs reads the named tables' definitions into their tableInfo.
func (r *reflector) loadDefs(ctx context.Context, names []string) error {
	for _, name := range names {
		var table, def string
		if err := r.q.QueryRowContext(ctx, "SHOW CREATE TABLE "+quote(name)).Scan(&table, &def); err != nil {
			return fmt.Errorf("reflect the definition of table %s in database %s: %w", name, r.db, err)
		}
		r.tables[name].def = parseTableDef(def)
	}
	return nil
}
