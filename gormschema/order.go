package gormschema

import (
	"sort"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

// sortConstraints puts the unique and check constraints GORM writes at
// the end of each CREATE TABLE in name order. GORM takes them from maps,
// so their order would change from run to run, and with it the text that
// keys retort's desired-schema cache.
func sortConstraints(db *gorm.DB, schemas []*schema.Schema, stmts []string) {
	for _, s := range schemas {
		var pieces []string
		for _, u := range s.ParseUniqueConstraints() {
			pieces = append(pieces, toSQL(db, "CONSTRAINT ? UNIQUE (?)", clause.Column{Name: u.Name}, clause.Expr{SQL: db.Statement.Quote(u.Field.DBName)}))
		}
		for _, c := range s.ParseCheckConstraints() {
			pieces = append(pieces, toSQL(db, "CONSTRAINT ? CHECK (?)", clause.Column{Name: c.Name}, clause.Expr{SQL: c.Constraint}))
		}
		if len(pieces) < 2 {
			continue
		}
		sort.Strings(pieces)
		prefix := "CREATE TABLE " + db.Statement.Quote(s.Table) + " ("
		for i, st := range stmts {
			if strings.HasPrefix(st, prefix) {
				stmts[i] = reordered(st, pieces)
			}
		}
	}
}

// reordered replaces the run of pieces (each after a comma, in any order)
// in a CREATE TABLE by the sorted run; a statement where they are not one
// run is returned as it is.
func reordered(create string, sorted []string) string {
	start := len(create)
	for _, p := range sorted {
		i := strings.Index(create, ","+p)
		if i < 0 {
			return create
		}
		start = min(start, i)
	}
	want := "," + strings.Join(sorted, ",")
	end := start + len(want)
	if end > len(create) {
		return create
	}
	for _, p := range sorted {
		if !strings.Contains(create[start:end], ","+p) {
			return create
		}
	}
	return create[:start] + want + create[end:]
}
