package gormschema

import (
	"fmt"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// sqliteDDL runs AutoMigrate on an in-memory SQLite database (pure Go, no
// cgo) and returns what SQLite stored of it, table by table in creation
// order with their indexes. SQLite cannot add a foreign key to a table, so
// each table's foreign keys are written into its CREATE TABLE, as GORM
// writes them there itself.
func sqliteDDL(cfg *gorm.Config, models []any) ([]string, []*schema.Schema, error) {
	db, err := gorm.Open(sqlite.Open(":memory:"), cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("opening an in-memory SQLite database failed: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, nil, err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1) // every connection to :memory: is its own database
	if err := db.AutoMigrate(models...); err != nil {
		return nil, nil, fmt.Errorf("AutoMigrate failed: %w", err)
	}
	schemas, err := modelSchemas(db, models)
	if err != nil {
		return nil, nil, err
	}
	byTable := map[string][]string{}
	for _, fk := range foreignKeys(schemas) {
		sql, err := fk.render(db)
		if err != nil {
			return nil, nil, err
		}
		byTable[fk.table] = append(byTable[fk.table], sql)
	}
	var rows []struct{ Type, Name, TblName, SQL string }
	err = db.Raw("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").Scan(&rows).Error
	if err != nil {
		return nil, nil, fmt.Errorf("reading the created schema failed: %w", err)
	}
	created := make([]string, len(rows))
	for i, r := range rows {
		created[i] = r.SQL
	}
	sortConstraints(db, schemas, created)
	var out []string
	for i, r := range rows {
		sql := created[i]
		if r.Type == "table" && len(byTable[r.Name]) > 0 {
			if sql, err = withForeignKeys(sql, byTable[r.Name]); err != nil {
				return nil, nil, fmt.Errorf("table %s: %w", r.Name, err)
			}
			delete(byTable, r.Name)
		}
		out = append(out, sql)
	}
	for table := range byTable {
		return nil, nil, fmt.Errorf("foreign keys of table %s, which AutoMigrate did not create", table)
	}
	return out, schemas, nil
}

// withForeignKeys adds constraints to the end of a CREATE TABLE's list
// of columns and constraints (its last ")", as table options such as
// STRICT hold none).
func withForeignKeys(create string, constraints []string) (string, error) {
	end := strings.LastIndexByte(create, ')')
	if end < 0 {
		return "", fmt.Errorf("its CREATE TABLE has no closing parenthesis: %s", create)
	}
	return create[:end] + "," + strings.Join(constraints, ",") + create[end:], nil
}
