package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// AddExclusion adds an exclusion constraint (PostgreSQL EXCLUDE).
type AddExclusion struct {
	Table     Ref
	Exclusion *schema.Exclusion
}

// DropExclusion drops an exclusion constraint.
type DropExclusion struct {
	Table     Ref
	Exclusion *schema.Exclusion
}

// CommentOn names the kind of object a SetComment changes.
type CommentOn string

const (
	CommentView       CommentOn = "view"
	CommentIndex      CommentOn = "index"
	CommentConstraint CommentOn = "constraint"
)

// SetComment changes the comment of view Name (Table is unused, Schema
// the view's), or of index or constraint Name of Table. Table and column
// comments have their own operations.
type SetComment struct {
	On       CommentOn
	Schema   string // the view's schema
	Table    Ref
	Name     string
	From, To string
}

func (o AddExclusion) Reverse() Op  { return DropExclusion(o) }
func (o DropExclusion) Reverse() Op { return AddExclusion(o) }
func (o SetComment) Reverse() Op {
	o.From, o.To = o.To, o.From
	return o
}

func (o AddExclusion) TableRef() Ref  { return o.Table }
func (o DropExclusion) TableRef() Ref { return o.Table }
func (o SetComment) TableRef() Ref {
	if o.On == CommentView {
		return Ref{}
	}
	return o.Table
}

func (o AddExclusion) String() string {
	return fmt.Sprintf("add exclusion constraint %s on %s", o.Exclusion.Name, o.Table)
}
func (o DropExclusion) String() string {
	return fmt.Sprintf("drop exclusion constraint %s on %s", o.Exclusion.Name, o.Table)
}
func (o SetComment) String() string {
	if o.On == CommentView {
		return "set comment on view " + o.Name
	}
	return fmt.Sprintf("set comment on %s %s of %s", o.On, o.Name, o.Table)
}

// applyExclusionComment applies the operations of this file to table t
// (nil for a view's comment); it reports whether it handled o.
func applyExclusionComment(s *schema.Schema, t *schema.Table, o Op) (bool, error) {
	switch o := o.(type) {
	case AddExclusion:
		if o.Exclusion.Name != "" && t.HasConstraint(o.Exclusion.Name) {
			return true, fmt.Errorf("constraint %s already exists on %s", o.Exclusion.Name, t.Name)
		}
		x := *o.Exclusion
		x.Parts = append([]schema.IndexPart(nil), o.Exclusion.Parts...)
		x.Include = append([]string(nil), o.Exclusion.Include...)
		t.Exclusions = append(t.Exclusions, &x)
	case DropExclusion:
		n := len(t.Exclusions)
		t.Exclusions = applyWithout(t.Exclusions, func(x *schema.Exclusion) bool { return x.Name == o.Exclusion.Name })
		if len(t.Exclusions) == n {
			return true, fmt.Errorf("no exclusion constraint %s on %s", o.Exclusion.Name, t.Name)
		}
	case SetComment:
		c := commentOf(s, t, o)
		if c == nil {
			return true, fmt.Errorf("no %s %s to comment on", o.On, o.Name)
		}
		*c = o.To
	default:
		return false, nil
	}
	return true, nil
}

// commentOf finds the comment field SetComment o changes, nil if its
// object is missing.
func commentOf(s *schema.Schema, t *schema.Table, o SetComment) *string {
	switch o.On {
	case CommentView:
		if v := s.View(o.Schema, o.Name); v != nil {
			return &v.Comment
		}
	case CommentIndex:
		if ix := t.Index(o.Name); ix != nil {
			return &ix.Comment
		}
	case CommentConstraint:
		if pk := t.PrimaryKey; pk != nil && pk.Name == o.Name {
			return &pk.Comment
		}
		for _, u := range t.Uniques {
			if u.Name == o.Name {
				return &u.Comment
			}
		}
		for _, c := range t.Checks {
			if c.Name == o.Name {
				return &c.Comment
			}
		}
		for _, fk := range t.ForeignKeys {
			if fk.Name == o.Name {
				return &fk.Comment
			}
		}
		for _, x := range t.Exclusions {
			if x.Name == o.Name {
				return &x.Comment
			}
		}
	}
	return nil
}
