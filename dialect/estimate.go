package dialect

import "context"

// RowEstimator is implemented by dialects that can estimate row counts
// cheaply from catalog statistics (PostgreSQL pg_class.reltuples, MySQL
// information_schema.TABLES); lint uses it to grade locking hazards.
type RowEstimator interface {
	// RowEstimates returns approximate row counts keyed by table name,
	// both bare and schema-qualified; tables it knows nothing about are
	// left out.
	RowEstimates(ctx context.Context, q Querier) (map[string]int64, error)
}
