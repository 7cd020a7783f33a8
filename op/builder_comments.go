package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// SetIndexComment sets the comment of index name of table; "" removes it.
func (b *Builder) SetIndexComment(table, name, comment string) error {
	return b.setComment(CommentIndex, table, name, comment)
}

// SetConstraintComment sets the comment of constraint name of table
// (a key, check or exclusion constraint); "" removes it.
func (b *Builder) SetConstraintComment(table, name, comment string) error {
	return b.setComment(CommentConstraint, table, name, comment)
}

func (b *Builder) setComment(on CommentOn, table, name, comment string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		o := SetComment{On: on, Table: ref, Name: name, To: comment}
		c := commentOf(b.cur, t, o)
		if c == nil {
			return nil, fmt.Errorf("no %s named %s", on, name)
		}
		o.From = *c
		return []Op{o}, nil
	})
}

// SetViewComment sets the comment of view ("schema.name" names its
// schema); "" removes it.
func (b *Builder) SetViewComment(view, comment string) error {
	if b.err != nil {
		return b.err
	}
	sch, name := splitQualified(view)
	v := b.cur.View(sch, name)
	if v == nil {
		return b.fail(fmt.Errorf("no view %s", view))
	}
	return b.Add(SetComment{On: CommentView, Schema: sch, Name: name, From: v.Comment, To: comment})
}

// splitQualified splits "schema.name"; a name without a dot is in "".
func splitQualified(name string) (sch, n string) {
	if i := strings.IndexByte(name, '.'); i > 0 {
		return name[:i], name[i+1:]
	}
	return "", name
}
