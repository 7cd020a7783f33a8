package postgres

import "github.com/retortdb/retort/op"

// bigIndexTable reports whether an index on t is built and dropped CONCURRENTLY:
// t already holds enough rows (RenderOptions.BigTable) that a plain
// CREATE INDEX would block its writes for the whole build. Prepare then
// runs the revision stepwise, the statement outside a transaction.
func (r *renderer) bigIndexTable(t op.Ref) bool {
	if r.opts.BigTable == nil || r.created[t] {
		return false // a table this revision creates is empty
	}
	// PostgreSQL refuses CONCURRENTLY on a partitioned table's index.
	if tbl := r.state.Table(t.Schema, t.Name); tbl != nil && tbl.Options[optPartitionBy] != "" {
		return false
	}
	return r.opts.BigTable(t.String())
}

// concurrently is the keyword an index statement on t takes.
func (r *renderer) concurrently(t op.Ref) string {
	if r.bigIndexTable(t) {
		return "CONCURRENTLY "
	}
	return ""
}
