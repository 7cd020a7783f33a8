package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.RowEstimator = Dialect{}

// RowEstimates implements dialect.RowEstimator from
// information_schema.TABLES.TABLE_ROWS, InnoDB's sampled estimate; it
// lags behind recent writes, and a table it calls empty is counted by
// the caller.
func (Dialect) RowEstimates(ctx context.Context, q dialect.Querier) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0) FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`)
	if err != nil {
		return nil, fmt.Errorf("estimate row counts from information_schema.TABLES: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return nil, fmt.Errorf("estimate row counts from information_schema.TABLES: %w", err)
		}
		out[name] = n
	}
	return out, rows.Err()
}
