package postgres

import (
	"fmt"

	"github.com/retortdb/retort/op"
)

// renameSequences renames the sequences of a renamed table's serial and
// identity columns that carry the old table's name (notes_id_seq for
// memos.id becomes memos_id_seq), as a table created under the new name
// would have them. PostgreSQL keeps them on RENAME; the model does not
// hold sequence names, so the statement checks the column's sequence
// is the one named by the old table's pattern before renaming it.
func (r *renderer) renameSequences(from op.Ref, newName string) {
	t := r.state.Table(from.Schema, from.Name)
	if t == nil {
		return
	}
	for _, c := range t.Columns {
		if !c.AutoIncrement && c.Identity == "" {
			continue
		}
		oldSeq, newSeq := seqName(from.Name, c.Name), seqName(newName, c.Name)
		if oldSeq == newSeq {
			continue
		}
		to := op.Ref{Schema: from.Schema, Name: newName}
		r.emit(fmt.Sprintf("DO $retort$BEGIN IF pg_get_serial_sequence(%s, %s)::regclass = to_regclass(%s) THEN ALTER SEQUENCE %s RENAME TO %s; END IF; END$retort$",
			literal(tableName(to)), literal(c.Name), literal(qualified(from.Schema, oldSeq)), qualified(from.Schema, oldSeq), quote(newSeq)))
	}
}
