package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// applyView applies operations on schema objects other than tables: views,
// triggers and enums. It reports whether it handled o.
func applyView(s *schema.Schema, o Op) (bool, error) {
	switch o := o.(type) {
	case CreateView:
		if s.View(o.View.Schema, o.View.Name) != nil {
			return true, fmt.Errorf("view %s already exists", o.View.Name)
		}
		v := *o.View
		s.Views = append(s.Views, &v)
	case DropView:
		v := s.View(o.View.Schema, o.View.Name)
		if v == nil {
			return true, fmt.Errorf("no view %s", o.View.Name)
		}
		s.Views = applyWithout(s.Views, func(x *schema.View) bool { return x == v })
	case SetViewOptions:
		return true, applyViewOptions(s, o)
	case CreateTrigger:
		if s.Trigger(o.Trigger.Schema, o.Trigger.Name) != nil {
			return true, fmt.Errorf("trigger %s already exists", o.Trigger.Name)
		}
		if s.Table(o.Trigger.Schema, o.Trigger.Table) == nil && s.View(o.Trigger.Schema, o.Trigger.Table) == nil {
			return true, fmt.Errorf("trigger %s: no table or view %s", o.Trigger.Name, o.Trigger.Table)
		}
		tr := *o.Trigger
		s.Triggers = append(s.Triggers, &tr)
	case DropTrigger:
		tr := s.Trigger(o.Trigger.Schema, o.Trigger.Name)
		if tr == nil {
			return true, fmt.Errorf("no trigger %s", o.Trigger.Name)
		}
		s.Triggers = applyWithout(s.Triggers, func(x *schema.Trigger) bool { return x == tr })
	case CreateEnum:
		if applyEnum(s, o.Enum.Schema, o.Enum.Name) != nil {
			return true, fmt.Errorf("enum %s already exists", o.Enum.Name)
		}
		e := *o.Enum
		e.Values = append([]string(nil), o.Enum.Values...)
		s.Enums = append(s.Enums, &e)
	case DropEnum:
		e := applyEnum(s, o.Enum.Schema, o.Enum.Name)
		if e == nil {
			return true, fmt.Errorf("no enum %s", o.Enum.Name)
		}
		s.Enums = applyWithout(s.Enums, func(x *schema.Enum) bool { return x == e })
	case AlterEnum:
		e := applyEnum(s, o.Schema, o.Name)
		if e == nil {
			return true, fmt.Errorf("no enum %s", o.Name)
		}
		e.Values = append([]string(nil), o.To...)
	case CreateObject, DropObject, AlterObject:
		return true, applySQLObject(s, o)
	default:
		return false, nil
	}
	return true, nil
}

func applySQLObject(s *schema.Schema, o Op) error {
	switch o := o.(type) {
	case CreateObject:
		if s.Object(o.Object.Key()) != nil {
			return fmt.Errorf("%s already exists", o.Object.Label())
		}
		s.Objects = append(s.Objects, cloneObject(o.Object))
	case DropObject:
		if s.Object(o.Object.Key()) == nil {
			return fmt.Errorf("no %s", o.Object.Label())
		}
		key := o.Object.Key()
		s.Objects = applyWithout(s.Objects, func(x *schema.SQLObject) bool { return x.Key() == key })
	case AlterObject:
		key := o.From.Key()
		for i, x := range s.Objects {
			if x.Key() == key {
				s.Objects[i] = cloneObject(o.To)
				return nil
			}
		}
		return fmt.Errorf("no %s", o.From.Label())
	}
	schema.SortSQLObjects(s.Objects)
	if len(s.Objects) == 0 {
		s.Objects = nil // as a schema that never had objects
	}
	return nil
}

func cloneObject(o *schema.SQLObject) *schema.SQLObject {
	c := *o
	c.Create = append([]string(nil), o.Create...)
	c.Drop = append([]string(nil), o.Drop...)
	c.Deps = append([]string(nil), o.Deps...)
	if o.Attrs != nil {
		c.Attrs = make(map[string]string, len(o.Attrs))
		for k, v := range o.Attrs {
			c.Attrs[k] = v
		}
	}
	return &c
}

func applyEnum(s *schema.Schema, sch, name string) *schema.Enum {
	for _, e := range s.Enums {
		if e.Schema == sch && e.Name == name {
			return e
		}
	}
	return nil
}
