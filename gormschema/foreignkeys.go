package gormschema

import (
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// foreignKey is one constraint GORM creates, on the table it belongs to.
type foreignKey struct {
	table, name string
	sql         string // GORM's "CONSTRAINT ... FOREIGN KEY ... REFERENCES ..." text
	vars        []any
}

// modelSchemas returns GORM's parse of models and of their many-to-many
// join tables: every table AutoMigrate creates.
func modelSchemas(db *gorm.DB, models []any) ([]*schema.Schema, error) {
	var schemas []*schema.Schema
	seen := map[*schema.Schema]bool{}
	add := func(s *schema.Schema) {
		if s != nil && !seen[s] {
			seen[s] = true
			schemas = append(schemas, s)
		}
	}
	for _, m := range models {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			return nil, fmt.Errorf("parsing model %T: %w", m, err)
		}
		add(stmt.Schema)
		for _, rel := range stmt.Schema.Relationships.Many2Many {
			add(rel.JoinTable)
		}
	}
	return schemas, nil
}

// foreignKeys lists the foreign keys AutoMigrate would create for the
// tables, sorted by table and name. It takes them from GORM's own parse
// (Relationship.ParseConstraint), the way GORM's CreateTable does: a
// constraint belongs to the schema whose table holds the referencing
// columns.
func foreignKeys(schemas []*schema.Schema) []foreignKey {
	var fks []foreignKey
	byName := map[string]bool{}
	for _, s := range schemas {
		for _, rel := range s.Relationships.Relations {
			if rel.Field != nil && rel.Field.IgnoreMigration {
				continue
			}
			c := rel.ParseConstraint()
			if c == nil || c.Schema != s {
				continue
			}
			key := s.Table + "\x00" + c.Name
			if byName[key] {
				continue
			}
			byName[key] = true
			sql, vars := c.Build()
			fks = append(fks, foreignKey{table: s.Table, name: c.Name, sql: sql, vars: vars})
		}
	}
	sort.Slice(fks, func(i, j int) bool {
		if fks[i].table != fks[j].table {
			return fks[i].table < fks[j].table
		}
		return fks[i].name < fks[j].name
	})
	return fks
}

// render returns the constraint's SQL with its identifiers quoted the
// dialect's way, as GORM writes it into a statement.
func (fk foreignKey) render(db *gorm.DB) (string, error) {
	sql := toSQL(db, fk.sql, fk.vars...)
	if sql == "" {
		return "", errors.New("GORM rendered foreign key " + fk.name + " of " + fk.table + " as nothing")
	}
	return sql, nil
}

// toSQL is a fragment of SQL with its clauses written in, the way GORM
// writes them into a statement.
func toSQL(db *gorm.DB, sql string, vars ...any) string {
	return db.ToSQL(func(tx *gorm.DB) *gorm.DB { return tx.Exec(sql, vars...) })
}
