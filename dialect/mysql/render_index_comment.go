package mysql

import (
	"fmt"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// setComment renders a changed index comment. MySQL and MariaDB have no
// statement that changes only an index's comment, so the index is dropped
// and added again in one ALTER TABLE (the table never lacks it). Comments
// on other objects have no MySQL syntax: views, constraints and the
// primary key cannot carry one here.
func (r *renderer) setComment(o op.SetComment) error {
	if o.On != op.CommentIndex {
		return fmt.Errorf("MySQL has no comment on a %s (%s)", o.On, o.Name)
	}
	ix := r.stateIndex(o.Table, o.Name)
	if ix == nil {
		return fmt.Errorf("index %s is not in the current schema of %s, so its definition is unknown", o.Name, o.Table)
	}
	changed := *ix
	changed.Comment = o.To
	r.alter(o.Table, "DROP INDEX "+quote(o.Name), fmt.Sprintf("ADD %sINDEX %s (%s)%s", indexKind(&changed), quote(o.Name), indexParts(changed.Parts), r.indexTail(&changed)))
	return nil
}

// stateIndex finds a plain index of a table in the tracked schema.
func (r *renderer) stateIndex(t op.Ref, name string) *schema.Index {
	tb := r.state.Table(t.Schema, t.Name)
	if tb == nil {
		return nil
	}
	for _, ix := range tb.Indexes {
		if ix.Name == name {
			return ix
		}
	}
	return nil
}
