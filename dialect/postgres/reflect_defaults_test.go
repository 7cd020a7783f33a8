package postgres

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/sqlsplit"
)

// Defaults print the same without their table as with it (the columns
// query leaves it out), for every kind of default the cases hold.
func TestReflectDefaultsWithoutTable(t *testing.T) {
	db, _ := reflFresh(t, "app,public")
	var ddl []string
	for _, c := range reflCases {
		if c.searchPath == "" {
			ddl = append(ddl, c.ddl)
		}
	}
	ddl = append(ddl, `CREATE TYPE app.tone AS ENUM ('x', 'y');
CREATE SEQUENCE public.other_seq;
CREATE TABLE app.defaults (a app.tone DEFAULT 'y', b int DEFAULT nextval('public.other_seq'), c timestamptz DEFAULT CURRENT_TIMESTAMP,
  d text[] DEFAULT ARRAY['a', 'b'], e numeric DEFAULT (1.5 * 2), f text COLLATE "C" DEFAULT ('q' || 'r'), g jsonb DEFAULT '{"k": 1}',
  h int GENERATED ALWAYS AS (b * 2) STORED, i interval DEFAULT '1 day', j bool DEFAULT (now() > '2000-01-01'))`)
	stmts, err := sqlsplit.SplitWith(strings.Join(ddl, ";\n"), sqlsplit.PostgreSQL)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		schematest.Exec(t, db, s.SQL)
	}
	var n, differ int
	if err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE pg_get_expr(d.adbin, d.adrelid, true) IS DISTINCT FROM pg_get_expr(d.adbin, 0, true))
		FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE a.attgenerated = ''`).Scan(&n, &differ); err != nil {
		t.Fatal(err)
	}
	if n < 15 || differ != 0 {
		t.Errorf("%d of %d defaults print differently without their table", differ, n)
	}
}
