package diff

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renamePrimaryKey renames a kept primary key whose name differs from the
// desired one (a renamed table's notes_pkey that should be memos_pkey),
// so the name a later statement drops by is the one the schema file
// implies. A key that changes is dropped and re-added under its new
// name instead.
func (k *kept) renamePrimaryKey() {
	from, to := k.from.PrimaryKey, k.to.PrimaryKey
	if k.pk != nil || from == nil || to == nil || from.Name == "" || to.Name == "" || from.Name == to.Name {
		return
	}
	k.renames = append(k.renames, op.RenameConstraint{Table: k.ref, Kind: schema.KindPrimaryKey, Old: from.Name, New: to.Name})
	// Comments are set after renames, so on the new name.
	for i, c := range k.comments {
		if c, ok := c.(op.SetComment); ok && c.On == op.CommentConstraint && c.Name == from.Name {
			c.Name = to.Name
			k.comments[i] = c
		}
	}
}
