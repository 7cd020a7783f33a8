package dialect

import (
	"context"
	"fmt"
)

// EngineVersion returns the version of the database software behind q (the
// server's, or the SQLite library's), for keys of results that depend on
// it, with the dialect's VersionSQL.
func EngineVersion(ctx context.Context, d Dialect, q Querier) (string, error) {
	return queryText(ctx, d, q, d.VersionSQL(), "version")
}

// LoadKeyer is a Dialect whose desired-schema load depends on more of the
// target server than its software version: PostgreSQL loads with the
// target's search_path, which a role or database setting can change with
// no change to the URL. LoadKeySQL returns one row of one text column
// holding the version and those settings.
type LoadKeyer interface {
	LoadKeySQL() string
}

// LoadKey returns what a desired schema loaded for q's server depends on
// beyond the files and URLs: LoadKeySQL's row where the dialect has one,
// else the engine version. The desired-schema cache keys on it.
func LoadKey(ctx context.Context, d Dialect, q Querier) (string, error) {
	if k, ok := d.(LoadKeyer); ok {
		return queryText(ctx, d, q, k.LoadKeySQL(), "version and load settings")
	}
	return EngineVersion(ctx, d, q)
}

// queryText runs query, which returns one text value, naming what it
// reads if it fails.
func queryText(ctx context.Context, d Dialect, q Querier, query, what string) (string, error) {
	var s string
	if err := q.QueryRowContext(ctx, query).Scan(&s); err != nil {
		return "", fmt.Errorf("reading the %s %s (%s) failed: %w", d.Name(), what, query, err)
	}
	return s, nil
}
