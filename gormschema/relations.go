package gormschema

import (
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm/schema"
)

// relation is one "-- retort:relation" comment: a relation of a model as
// retort lint reads it (the hint package of retort documents the
// fields).
type relation struct {
	ORM         string   `json:"orm"`
	Kind        string   `json:"kind"`
	Package     string   `json:"package"`
	Model       string   `json:"model"`
	Field       string   `json:"field"`
	Table       string   `json:"table"`
	Columns     []string `json:"columns"`
	RefTable    string   `json:"ref_table"`
	RefColumns  []string `json:"ref_columns"`
	FK          bool     `json:"fk"`
	FKName      string   `json:"fk_name,omitempty"`
	NoFKBecause string   `json:"no_fk_because,omitempty"`
}

var kinds = map[schema.RelationshipType]string{
	schema.HasOne: "has-one", schema.HasMany: "has-many", schema.BelongsTo: "belongs-to",
}

// writeRelations writes a relation comment for every has-one, has-many
// and belongs-to field of the models, in model and field order.
// Many-to-many join tables are left out.
func writeRelations(b *strings.Builder, schemas []*schema.Schema) error {
	for _, s := range schemas {
		if s.ModelType.Name() == "" {
			continue // a join table GORM made up
		}
		for _, f := range s.Fields {
			rel, ok := s.Relationships.Relations[f.Name]
			if !ok || rel.Field != f || kinds[rel.Type] == "" || f.IgnoreMigration {
				continue
			}
			r, ok := relationOf(s, rel)
			if !ok {
				continue
			}
			line, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("model %s: writing relation %s failed: %w", s.Name, f.Name, err)
			}
			b.WriteString("-- retort:relation ")
			b.Write(line)
			b.WriteString("\n")
		}
	}
	return nil
}

// relationOf describes rel; ok is false for a belongs-to whose foreign
// key GORM creates for the has-one or has-many on the other side, which
// describes it.
func relationOf(s *schema.Schema, rel *schema.Relationship) (relation, bool) {
	r := relation{ORM: "gorm", Kind: kinds[rel.Type], Package: s.ModelType.PkgPath(), Model: s.ModelType.Name(), Field: rel.Field.Name}
	child, parent := rel.FieldSchema, rel.Schema
	if rel.Type == schema.BelongsTo {
		child, parent = rel.Schema, rel.FieldSchema
	}
	r.Table, r.RefTable = child.Table, parent.Table
	for _, ref := range rel.References {
		if ref.PrimaryKey != nil && ref.ForeignKey != nil {
			r.Columns = append(r.Columns, ref.ForeignKey.DBName)
			r.RefColumns = append(r.RefColumns, ref.PrimaryKey.DBName)
		}
	}
	if len(r.Columns) == 0 {
		return r, false
	}
	switch {
	case rel.Polymorphic != nil:
		r.NoFKBecause = "GORM creates no foreign key for a polymorphic relation"
		return r, true
	case rel.Field.TagSettings["CONSTRAINT"] == "-":
		r.NoFKBecause = "its gorm tag says constraint:-"
		return r, true
	}
	c := rel.ParseConstraint()
	if c == nil || c.Schema == nil || c.ReferenceSchema == nil {
		return r, false
	}
	r.FK, r.FKName = true, c.Name
	r.Table, r.RefTable = c.Schema.Table, c.ReferenceSchema.Table
	r.Columns, r.RefColumns = nil, nil
	for i := range c.ForeignKeys {
		r.Columns = append(r.Columns, c.ForeignKeys[i].DBName)
		r.RefColumns = append(r.RefColumns, c.References[i].DBName)
	}
	return r, true
}
