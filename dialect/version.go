package dialect

import (
	"context"
	"fmt"
)

// EngineVersion returns the version of the database software behind q (the
// server's, or the SQLite library's), for keys of results that depend on
// it. Dialects give the query with a VersionSQL method; SELECT version()
// is the default.
func EngineVersion(ctx context.Context, d Dialect, q Querier) (string, error) {
	query := "SELECT version()"
	if v, ok := d.(interface{ VersionSQL() string }); ok {
		query = v.VersionSQL()
	}
	var version string
	if err := q.QueryRowContext(ctx, query).Scan(&version); err != nil {
		return "", fmt.Errorf("reading the %s version (%s) failed: %w", d.Name(), query, err)
	}
	return version, nil
}
