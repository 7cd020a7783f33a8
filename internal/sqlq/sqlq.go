// Package sqlq runs one SQL statement against a database URL or SQLite
// file the way an application would (SQLite with foreign keys on) and
// prints rows tab-separated. The quickstart and the CLI test scripts use
// it to insert and inspect data.
package sqlq

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Run executes query on target: a URL, or a SQLite file path.
func Run(ctx context.Context, target, query string, out io.Writer) error {
	if !strings.Contains(target, "://") {
		target = "sqlite://" + target
	}
	u, d, err := dialect.ParseURL(target)
	if err != nil {
		return err
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprint(v)
		}
		fmt.Fprintln(out, strings.Join(parts, "\t"))
	}
	return rows.Err()
}
