package dialect

import (
	"context"
	"fmt"
)

// EngineVersion returns the version of the database software behind q (the
// server's, or the SQLite library's), for keys of results that depend on
// it, with the dialect's VersionSQL.
func EngineVersion(ctx context.Context, d Dialect, q Querier) (string, error) {
	query := d.VersionSQL()
	var version string
	if err := q.QueryRowContext(ctx, query).Scan(&version); err != nil {
		return "", fmt.Errorf("reading the %s version (%s) failed: %w", d.Name(), query, err)
	}
	return version, nil
}
