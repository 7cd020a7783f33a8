package retort

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// countLimit bounds the exact count made where the catalog has no
// estimate: counting stops there, so it costs at most that many rows.
const countLimit = 1_000_000

// rowCounter returns a table's row count: counted (exact) when the
// catalog's estimate is below countLimit, since estimates lag behind
// writes and a small count is cheap; the estimate above it. Remembered
// per table. A table the database does not hold yet (made
// by a pending revision) or one too slow to count gives -1.
func (m *Migrator) rowCounter(ctx context.Context) func(table string) (n int64, exact bool) {
	est, _ := m.d.RowEstimates(ctx, m.db) // estimates only grade messages; unknown is safe
	type count struct {
		n     int64
		exact bool
	}
	seen := map[string]count{}
	return func(table string) (int64, bool) {
		if n := est[table]; n >= countLimit {
			return n, false
		}
		if c, ok := seen[table]; ok {
			return c.n, c.exact
		}
		n, err := m.countRows(ctx, table)
		c := count{n, err == nil && n < countLimit}
		if err != nil {
			c.n = -1
		}
		seen[table] = c
		return c.n, c.exact
	}
}

func (m *Migrator) countRows(ctx context.Context, table string) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var q []string
	for _, part := range strings.Split(table, ".") {
		q = append(q, m.d.Quote(part))
	}
	var n int64
	err := m.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM "+strings.Join(q, ".")+
		" LIMIT "+strconv.Itoa(countLimit)+") AS counted").Scan(&n)
	return n, err
}
