package gormschema

import (
	"fmt"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

func postgresDDL(cfg *gorm.Config, models []any) ([]string, []*schema.Schema, error) {
	r := &recorder{}
	return recordedDDL(postgres.New(postgres.Config{Conn: r.open()}), r, cfg, models)
}

// mysqlDDL is GORM's MySQL dialect with its defaults; the server version
// is not asked (there is no server), which GORM then treats as MySQL.
func mysqlDDL(cfg *gorm.Config, models []any) ([]string, []*schema.Schema, error) {
	r := &recorder{}
	return recordedDDL(mysql.New(mysql.Config{Conn: r.open(), SkipInitializeWithVersion: true}), r, cfg, models)
}

// recordedDDL runs AutoMigrate on the recorder, then adds the foreign
// keys with ALTER TABLE, the statement GORM's CreateConstraint issues,
// and returns every statement with its arguments written in.
func recordedDDL(d gorm.Dialector, r *recorder, cfg *gorm.Config, models []any) ([]string, []*schema.Schema, error) {
	db, err := gorm.Open(d, cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("opening GORM failed: %w", err)
	}
	if err := db.AutoMigrate(models...); err != nil {
		return nil, nil, fmt.Errorf("AutoMigrate failed: %w", err)
	}
	schemas, err := modelSchemas(db, models)
	if err != nil {
		return nil, nil, err
	}
	for _, fk := range foreignKeys(schemas) {
		args := append([]any{clause.Table{Name: fk.table}}, fk.vars...)
		if err := db.Exec("ALTER TABLE ? ADD "+fk.sql, args...).Error; err != nil {
			return nil, nil, fmt.Errorf("adding foreign key %s to %s failed: %w", fk.name, fk.table, err)
		}
	}
	var out []string
	for _, s := range r.statements() {
		out = append(out, db.Dialector.Explain(s.sql, s.args...))
	}
	sortConstraints(db, schemas, out)
	return out, schemas, nil
}
