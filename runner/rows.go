package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// queryRows returns up to limit rows of a query, each rendered as text.
func queryRows(ctx context.Context, q dialect.Querier, query string, limit int) ([]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() && len(out) < limit {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%s=%v", cols[i], v)
		}
		out = append(out, "("+strings.Join(parts, ", ")+")")
	}
	return out, rows.Err()
}

func joinRows(rows []string) string { return strings.Join(rows, "; ") }
