package bunschema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/schema"
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
	NoFKBecause string   `json:"no_fk_because,omitempty"`
}

var kinds = map[int]string{
	schema.HasOneRelation: "has-one", schema.HasManyRelation: "has-many", schema.BelongsToRelation: "belongs-to",
}

// writeRelations writes a relation comment for every has-one, has-many
// and belongs-to field of the models, in model and field order. A
// has-one or has-many whose key a belongs-to of the other model creates
// is left to that belongs-to; m2m relations are left to their join
// model's belongs-to relations.
func writeRelations(b *strings.Builder, db *bun.DB, ptrs []any) error {
	tables := make([]*schema.Table, len(ptrs))
	for i, p := range ptrs {
		tables[i] = db.Table(reflect.TypeOf(p).Elem())
	}
	for _, t := range tables {
		for i := range t.Type.NumField() {
			rel := t.Relations[t.Type.Field(i).Name]
			if rel == nil || kinds[rel.Type] == "" {
				continue
			}
			r, ok := relationOf(t, rel, tables)
			if !ok {
				continue
			}
			line, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("bunschema: model %s: writing relation %s failed: %w", t.Type, rel.Field.GoName, err)
			}
			b.WriteString("-- retort:relation ")
			b.Write(line)
			b.WriteString("\n")
		}
	}
	return nil
}

// relationOf describes rel of table t; ok is false when a belongs-to
// among tables describes its key.
func relationOf(t *schema.Table, rel *schema.Relation, tables []*schema.Table) (relation, bool) {
	r := relation{ORM: "bun", Kind: kinds[rel.Type], Package: t.Type.PkgPath(), Model: t.Type.Name(), Field: rel.Field.GoName}
	if rel.References() {
		// The key is on t's table: bun writes it into its CREATE TABLE.
		r.Table, r.Columns, r.RefTable, r.RefColumns = t.Name, names(rel.BasePKs), rel.JoinTable.Name, names(rel.JoinPKs)
		r.FK = true
		return r, true
	}
	if rel.Type == schema.BelongsToRelation {
		r.Table, r.Columns, r.RefTable, r.RefColumns = t.Name, names(rel.BasePKs), rel.JoinTable.Name, names(rel.JoinPKs)
		r.NoFKBecause = "bun creates no foreign key for a belongs-to relation over the table's primary key outside an m2m join table"
		return r, true
	}
	// has-one, has-many: the key would be on the other model's table.
	r.Table, r.Columns, r.RefTable, r.RefColumns = rel.JoinTable.Name, names(rel.JoinPKs), t.Name, names(rel.BasePKs)
	if len(r.Columns) == 0 || len(r.Columns) != len(r.RefColumns) {
		return r, false
	}
	if rel.PolymorphicField != nil {
		r.NoFKBecause = "bun creates no foreign key for a polymorphic relation"
		return r, true
	}
	if slices.Contains(tables, rel.JoinTable) {
		for _, back := range rel.JoinTable.Relations {
			if back.References() && back.JoinTable == t && slices.Equal(names(back.BasePKs), r.Columns) && slices.Equal(names(back.JoinPKs), r.RefColumns) {
				return r, false
			}
		}
	}
	r.NoFKBecause = fmt.Sprintf("bun creates no foreign key for a %s relation, and %s has no belongs-to relation over %s that would", r.Kind, rel.JoinTable.Type.Name(), strings.Join(r.Columns, ", "))
	return r, true
}

func names(fields []*schema.Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}
