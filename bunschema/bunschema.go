// Package bunschema turns bun models into the DDL bun itself creates on an
// empty database, so that retort can read a project's bun models as its
// desired schema.
//
//	ddl, err := bunschema.Load("postgres", (*models.User)(nil), (*models.Note)(nil))
//
// Each table is created by bun's own NewCreateTable().WithForeignKeys(),
// hooks included (an AfterCreateTable hook that creates indexes adds its
// CREATE INDEX), against a connection that records the statements instead
// of running them.
package bunschema

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/uptrace/bun"
)

// Load returns the DDL bun creates for models on an empty database of
// dialect: sqlite (sqlite3), postgres (postgresql, pg), mysql or mariadb.
// Each model is a bun model struct, pointer or nil pointer; m2m join
// models and every model a relation points to must be among them.
//
// Before the statements come "-- retort:relation" comments, one JSON
// object per has-one, has-many and belongs-to relation: the field, the
// columns, and whether bun creates a foreign key for it (a has-many
// alone gets none). retort lint compares them with the database.
func Load(dialect string, models ...any) (string, error) {
	target, err := lookupDialect(dialect)
	if err != nil {
		return "", err
	}
	ptrs, err := modelPointers(models)
	if err != nil {
		return "", err
	}
	rec := &recorder{version: target.version}
	db := bun.NewDB(sql.OpenDB(rec), target.dialect())
	defer db.Close()
	if err := register(db, ptrs); err != nil {
		return "", err
	}
	ordered, err := creationOrder(db, ptrs)
	if err != nil {
		return "", err
	}
	for _, m := range ordered {
		if err := createTable(db, m); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	if err := writeRelations(&b, db, ordered); err != nil {
		return "", err
	}
	for _, stmt := range rec.statements {
		b.WriteString(stmt)
		b.WriteString(";\n")
	}
	return b.String(), nil
}

// createTable runs bun's CREATE TABLE with the model's foreign keys and
// its create-table hooks.
func createTable(db *bun.DB, model any) (err error) {
	defer recoverModel(model, &err)
	if _, err := db.NewCreateTable().Model(model).WithForeignKeys().Exec(context.Background()); err != nil {
		return fmt.Errorf("bunschema: creating the table of %s: %w", typeName(model), err)
	}
	return nil
}
