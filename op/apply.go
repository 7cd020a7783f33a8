package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Apply applies operations to a schema model in place, the way a database
// would, so a renderer can compute the table an operation list produces.
// It stops at the first operation whose target does not exist.
func Apply(s *schema.Schema, ops ...Op) error {
	for i, o := range ops {
		if err := apply(s, o); err != nil {
			return fmt.Errorf("apply op %d (%s): %w", i+1, o, err)
		}
	}
	return nil
}

func apply(s *schema.Schema, o Op) error {
	switch o := o.(type) {
	case CreateTable:
		if s.Table(o.Table.Schema, o.Table.Name) != nil {
			return fmt.Errorf("table %s already exists", o.Table.QualifiedName())
		}
		s.Tables = append(s.Tables, o.Table.Clone())
	case DropTable:
		return applyDropTable(s, RefOf(o.Table))
	case RenameTable:
		return applyRenameTable(s, o)
	case Execute:
		// Raw SQL is opaque to the model.
	case SetComment:
		var t *schema.Table
		if o.On != CommentView {
			var err error
			if t, err = applyTable(s, o.Table); err != nil {
				return err
			}
		}
		_, err := applyExclusionComment(s, t, o)
		return err
	default:
		if handled, err := applyView(s, o); handled {
			return err
		}
		t, err := applyTable(s, o.TableRef())
		if err != nil {
			return err
		}
		return applyToTable(s, t, o)
	}
	return nil
}

func applyTable(s *schema.Schema, r Ref) (*schema.Table, error) {
	if t := s.Table(r.Schema, r.Name); t != nil {
		return t, nil
	}
	return nil, fmt.Errorf("no table %s", r)
}

func applyDropTable(s *schema.Schema, r Ref) error {
	t, err := applyTable(s, r)
	if err != nil {
		return err
	}
	s.Tables = applyWithout(s.Tables, func(x *schema.Table) bool { return x == t })
	// Dropping a table drops its triggers with it.
	s.Triggers = applyWithout(s.Triggers, func(tr *schema.Trigger) bool {
		return tr.Schema == t.Schema && tr.Table == t.Name
	})
	return nil
}

func applyRenameTable(s *schema.Schema, o RenameTable) error {
	t, err := applyTable(s, Ref{Schema: o.Schema, Name: o.Old})
	if err != nil {
		return err
	}
	if s.Table(o.Schema, o.New) != nil {
		return fmt.Errorf("table %s already exists", Ref{Schema: o.Schema, Name: o.New})
	}
	t.Name = o.New
	t.SQL = ""
	// The database rewrites references to the renamed table.
	for _, x := range s.Tables {
		for _, fk := range x.ForeignKeys {
			if fk.RefTable == o.Old && applyRefSchema(x, fk) == o.Schema {
				fk.RefTable = o.New
			}
		}
	}
	for _, tr := range s.Triggers {
		if tr.Table == o.Old && tr.Schema == o.Schema {
			tr.Table = o.New
		}
	}
	return nil
}

// applyRefSchema is the schema a key references: its own, else its table's.
func applyRefSchema(owner *schema.Table, fk *schema.ForeignKey) string {
	if fk.RefSchema != "" {
		return fk.RefSchema
	}
	return owner.Schema
}

// applyWithout returns xs without the elements drop reports.
func applyWithout[T any](xs []T, drop func(T) bool) []T {
	out := xs[:0:0]
	for _, x := range xs {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}

func applyHasCol(cols []string, name string) bool {
	for _, c := range cols {
		if strings.EqualFold(c, name) {
			return true
		}
	}
	return false
}

func applyRenameIn(cols []string, old, new string) {
	for i, c := range cols {
		if strings.EqualFold(c, old) {
			cols[i] = new
		}
	}
}

func applyCloneFK(fk *schema.ForeignKey) *schema.ForeignKey {
	c := *fk
	c.Columns = append([]string(nil), fk.Columns...)
	c.RefColumns = append([]string(nil), fk.RefColumns...)
	return &c
}
