package diff

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// validate rejects a schema the comparison cannot read unambiguously:
// duplicate names, or a foreign key whose column lists differ in length.
func validate(s *schema.Schema, side string) error {
	tables := map[tkey]bool{}
	for _, t := range s.Tables {
		if t == nil {
			return fmt.Errorf("diff: the %s schema has a nil table", side)
		}
		if tables[keyOf(t)] {
			return fmt.Errorf("diff: table %s appears twice in the %s schema", t.QualifiedName(), side)
		}
		tables[keyOf(t)] = true
		if err := validateTable(t, side); err != nil {
			return err
		}
	}
	views := map[tkey]bool{}
	for _, v := range s.Views {
		if views[viewKey(v)] {
			return fmt.Errorf("diff: view %s appears twice in the %s schema", v.Name, side)
		}
		views[viewKey(v)] = true
	}
	trigs := map[tkey]bool{}
	for _, t := range s.Triggers {
		if trigs[tkey{t.Schema, t.Name}] {
			return fmt.Errorf("diff: trigger %s appears twice in the %s schema", t.Name, side)
		}
		trigs[tkey{t.Schema, t.Name}] = true
	}
	enums := map[tkey]bool{}
	for _, e := range s.Enums {
		if enums[tkey{e.Schema, e.Name}] {
			return fmt.Errorf("diff: enum %s appears twice in the %s schema", e.Name, side)
		}
		enums[tkey{e.Schema, e.Name}] = true
	}
	objs := map[string]bool{}
	for _, o := range s.Objects {
		if o == nil {
			return fmt.Errorf("diff: the %s schema has a nil object", side)
		}
		if objs[o.Key()] {
			return fmt.Errorf("diff: %s appears twice in the %s schema", o.Label(), side)
		}
		if len(o.Create) == 0 || len(o.Drop) == 0 {
			return fmt.Errorf("diff: %s in the %s schema has no create or drop statements", o.Label(), side)
		}
		objs[o.Key()] = true
	}
	return nil
}

func validateTable(t *schema.Table, side string) error {
	cols := map[string]bool{}
	for _, c := range t.Columns {
		if cols[c.Name] {
			return fmt.Errorf("diff: column %s appears twice in table %s of the %s schema", c.Name, t.QualifiedName(), side)
		}
		cols[c.Name] = true
	}
	ixs := map[string]bool{}
	for _, ix := range t.Indexes {
		if ixs[ix.Name] {
			return fmt.Errorf("diff: index %s appears twice on table %s of the %s schema", ix.Name, t.QualifiedName(), side)
		}
		ixs[ix.Name] = true
	}
	for _, fk := range t.ForeignKeys {
		if len(fk.Columns) == 0 || len(fk.Columns) != len(fk.RefColumns) {
			return fmt.Errorf("diff: foreign key %s on table %s of the %s schema has %d columns referencing %d",
				fkLabel(fk), t.QualifiedName(), side, len(fk.Columns), len(fk.RefColumns))
		}
	}
	return nil
}
