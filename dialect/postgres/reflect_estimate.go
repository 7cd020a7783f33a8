package postgres

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.RowEstimator = Dialect{}

// RowEstimates implements dialect.RowEstimator from pg_class.reltuples,
// which ANALYZE and VACUUM keep; a never-analyzed table (-1) counts 0.
func (Dialect) RowEstimates(ctx context.Context, q dialect.Querier) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `
SELECT n.nspname, c.relname, c.reltuples::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND `+reflScopeSQL+`
ORDER BY array_position(current_schemas(false), n.nspname), c.relname`)
	if err != nil {
		return nil, fmt.Errorf("estimate row counts from pg_class: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var nsp, name string
		var n int64
		if err := rows.Scan(&nsp, &name, &n); err != nil {
			return nil, fmt.Errorf("estimate row counts from pg_class: %w", err)
		}
		if n < 0 {
			n = 0
		}
		out[nsp+"."+name] = n
		if _, seen := out[name]; !seen {
			out[name] = n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("estimate row counts from pg_class: %w", err)
	}
	return out, nil
}
