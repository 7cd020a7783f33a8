package schema

import "strings"

// Table returns the table with the given schema and name, or nil. Names
// compare exactly; an empty schema matches a table whose schema is empty.
func (s *Schema) Table(sch, name string) *Table {
	for _, t := range s.Tables {
		if t.Name == name && t.Schema == sch {
			return t
		}
	}
	return nil
}

// View returns the named view, or nil.
func (s *Schema) View(sch, name string) *View {
	for _, v := range s.Views {
		if v.Name == name && v.Schema == sch {
			return v
		}
	}
	return nil
}

// Trigger returns the named trigger, or nil.
func (s *Schema) Trigger(sch, name string) *Trigger {
	for _, t := range s.Triggers {
		if t.Name == name && t.Schema == sch {
			return t
		}
	}
	return nil
}

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Index returns the named index, or nil.
func (t *Table) Index(name string) *Index {
	for _, ix := range t.Indexes {
		if ix.Name == name {
			return ix
		}
	}
	return nil
}

// QualifiedName is "schema.name", or "name" when the schema is empty.
func (t *Table) QualifiedName() string {
	if t.Schema == "" {
		return t.Name
	}
	return t.Schema + "." + t.Name
}

// Action returns a referential action in canonical form: upper case, single
// spaces, and "" spelled as NO ACTION.
func Action(a FKAction) FKAction {
	a = FKAction(strings.Join(strings.Fields(strings.ToUpper(string(a))), " "))
	if a == "" {
		return NoAction
	}
	return a
}

// MatchType returns a MATCH type in canonical form, "" spelled as SIMPLE.
func MatchType(m FKMatch) FKMatch {
	m = FKMatch(strings.ToUpper(strings.TrimSpace(string(m))))
	if m == "" || m == "NONE" {
		return MatchSimple
	}
	return m
}

// SameTarget reports whether two foreign keys link the same columns to the
// same referenced columns: the identity used to match unnamed keys.
func (fk *ForeignKey) SameTarget(o *ForeignKey) bool {
	return fk.RefSchema == o.RefSchema && fk.RefTable == o.RefTable &&
		SameColumns(fk.Columns, o.Columns) && SameColumns(fk.RefColumns, o.RefColumns)
}

// SameOptions reports whether two foreign keys behave the same: actions,
// deferrability and match type, compared in canonical form.
func (fk *ForeignKey) SameOptions(o *ForeignKey) bool {
	return Action(fk.OnDelete) == Action(o.OnDelete) &&
		Action(fk.OnUpdate) == Action(o.OnUpdate) &&
		fk.Deferrable == o.Deferrable &&
		fk.InitiallyDeferred == o.InitiallyDeferred &&
		MatchType(fk.Match) == MatchType(o.Match) &&
		SameColumns(fk.DeleteSetColumns, o.DeleteSetColumns)
}

// SameColumns compares column lists the way SQL compares identifiers:
// same length, same order, case-insensitively.
func SameColumns(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// HasConstraint reports whether t has a primary key, foreign key, unique
// or check constraint of that name.
func (t *Table) HasConstraint(name string) bool {
	if t.PrimaryKey != nil && t.PrimaryKey.Name == name {
		return true
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == name {
			return true
		}
	}
	for _, u := range t.Uniques {
		if u.Name == name {
			return true
		}
	}
	for _, c := range t.Checks {
		if c.Name == name {
			return true
		}
	}
	for _, x := range t.Exclusions {
		if x.Name == name {
			return true
		}
	}
	return false
}
