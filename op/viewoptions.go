package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// SetViewOptions changes a view's options (schema.View.Options, such as
// PostgreSQL's check_option and security_barrier) in place, From and To
// being the whole option lists before and after.
type SetViewOptions struct {
	Schema, Name string
	From, To     string
}

func (o SetViewOptions) Reverse() Op {
	return SetViewOptions{Schema: o.Schema, Name: o.Name, From: o.To, To: o.From}
}
func (o SetViewOptions) TableRef() Ref  { return Ref{} }
func (o SetViewOptions) String() string { return "set options on view " + o.Name }

// applyViewOptions sets the options of the view o names.
func applyViewOptions(s *schema.Schema, o SetViewOptions) error {
	v := s.View(o.Schema, o.Name)
	if v == nil || v.Materialized {
		return fmt.Errorf("set view options: no view %s", o.Name)
	}
	v.Options = o.To
	return nil
}
