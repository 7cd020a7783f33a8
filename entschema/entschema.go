// Package entschema turns ent schema values into the DDL ent itself
// creates on an empty database, so that retort can read a project's ent
// schema as its desired schema.
//
//	ddl, err := entschema.Load("postgres", schema.User{}, schema.Note{})
//
// The statements come from ent's own migration planner (the one
// client.Schema.Create runs), planned against an empty database without
// connecting to one.
package entschema

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect/sql/schema"
)

// Load returns the DDL ent creates for models on an empty database of
// dialect: sqlite (sqlite3), postgres (postgresql, pg), mysql or mariadb.
// Each model is an ent schema value or pointer, such as schema.User{};
// every schema an edge points to must be among them.
//
// Before the statements come "-- retort:relation" comments, one JSON
// object per edge that holds a foreign key (O2M, O2O, M2O; not M2M join
// tables): the schema, the edge, the columns and the key's name. retort
// lint compares them with the database.
func Load(dialect string, models ...any) (string, error) {
	target, err := lookupDialect(dialect)
	if err != nil {
		return "", err
	}
	tables, graph, err := tables(models)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := writeRelations(&b, graph, tables, models); err != nil {
		return "", err
	}
	ddl, err := schema.DDL(context.Background(), schema.DDLArgs{
		Dialect: target.ent,
		Version: target.version,
		Tables:  tables,
	})
	if err != nil {
		return "", fmt.Errorf("entschema: ent could not plan the %s DDL: %w", target.name, err)
	}
	b.WriteString(withoutAtlasDirectives(ddl))
	return b.String(), nil
}

// withoutAtlasDirectives drops the "-- atlas:pos" lines ent writes for
// Atlas's migration directory, which mean nothing to a plain DDL reader.
func withoutAtlasDirectives(ddl string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(ddl, "\n") {
		if strings.HasPrefix(line, "-- atlas:") {
			continue
		}
		b.WriteString(line)
	}
	return strings.TrimLeft(b.String(), "\n")
}
