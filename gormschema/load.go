// Package gormschema prints the DDL GORM creates for a set of models, so
// retort can use GORM models as the desired schema:
//
//	ddl, err := gormschema.Load("postgres", &User{}, &Note{})
//
// The statements are the ones GORM's own migrator issues on an empty
// database of that dialect (tables, indexes, unique and check
// constraints, defaults, many-to-many join tables), with every foreign
// key GORM would create, its ON DELETE and ON UPDATE actions included.
// Nothing connects to a server: SQLite runs in memory (pure Go), and for
// PostgreSQL and MySQL/MariaDB GORM talks to a driver that records its
// statements and answers that no table exists yet.
package gormschema

import (
	"fmt"
	"strings"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"
)

// dialects maps the names retort accepts (its aliases included) to the
// function that builds that dialect's DDL.
var dialects = map[string]func(cfg *gorm.Config, models []any) ([]string, []*schema.Schema, error){
	"sqlite":     sqliteDDL,
	"sqlite3":    sqliteDDL,
	"postgres":   postgresDDL,
	"postgresql": postgresDDL,
	"pg":         postgresDDL,
	"mysql":      mysqlDDL,
	"mariadb":    mysqlDDL,
}

// Load returns the DDL GORM creates for models on an empty database of
// dialect ("sqlite", "postgres" or "mysql", or an alias retort accepts:
// "sqlite3", "postgresql", "pg", "mariadb"), one statement per line
// group, each ending in ";". Models are what AutoMigrate takes, such as
// &User{}.
//
// Before the statements come "-- retort:relation" comments, one JSON
// object per relation of a model (has-one, has-many, belongs-to): the
// field, the columns, and whether GORM creates a foreign key for it.
// retort lint compares them with the database.
func Load(dialect string, models ...any) (string, error) {
	build, ok := dialects[strings.ToLower(dialect)]
	if !ok {
		return "", fmt.Errorf("gormschema: unknown dialect %q (use sqlite, postgres or mysql)", dialect)
	}
	if len(models) == 0 {
		return "", fmt.Errorf("gormschema: no models given for dialect %s", dialect)
	}
	for _, m := range models {
		if _, err := schema.Parse(m, &sync.Map{}, schema.NamingStrategy{}); err != nil {
			return "", fmt.Errorf("gormschema: model %T: %w", m, err)
		}
	}
	stmts, schemas, err := build(gormConfig(), models)
	if err != nil {
		return "", fmt.Errorf("gormschema: %s: %w", dialect, err)
	}
	var b strings.Builder
	if err := writeRelations(&b, schemas); err != nil {
		return "", fmt.Errorf("gormschema: %w", err)
	}
	for _, s := range stmts {
		b.WriteString(strings.TrimRight(strings.TrimSpace(s), ";"))
		b.WriteString(";\n")
	}
	return b.String(), nil
}

// gormConfig is GORM's default configuration, quiet, with foreign keys
// left to addForeignKeys: created inline by AutoMigrate they would come
// in map order, and a cycle of references could not be created at all.
func gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:                                   logger.Discard,
		SkipDefaultTransaction:                   true,
		DisableAutomaticPing:                     true,
		DisableForeignKeyConstraintWhenMigrating: true,
	}
}
