package dialect

import (
	"context"

	"github.com/retortdb/retort/schema"
)

// Reflector is the reflection role: reading the live schema.
type Reflector interface {
	// Reflect reads the schema of the database q is connected to (on
	// PostgreSQL, the schemas in its search path), leaving out
	// BookkeepingTables. Reading twice gives the same schema, and after
	// a migration rendered by Render, the one a diff was made against.
	Reflect(ctx context.Context, q Querier) (*schema.Schema, error)
	// VersionSQL is a query that returns one row of one text column: the
	// version of the database software (see EngineVersion).
	VersionSQL() string
	// RowEstimator estimates table sizes for lint. Optional: Base knows
	// no estimates.
	RowEstimator
}

// RowEstimator estimates row counts cheaply from catalog statistics
// (PostgreSQL's pg_class.reltuples); lint uses them to grade locking
// hazards.
type RowEstimator interface {
	// RowEstimates returns approximate row counts keyed by table name,
	// both bare and schema-qualified; tables it knows nothing about are
	// left out.
	RowEstimates(ctx context.Context, q Querier) (map[string]int64, error)
}
