package postgres

import (
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/sqlsplit"
)

// outsideModel matches statements creating objects the schema model does
// not hold (functions, schemas, extensions...), which the rendered
// database needs before the model is rendered into it.
var outsideModel = regexp.MustCompile(`(?is)^\s*CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|SCHEMA|EXTENSION|COLLATION|PROCEDURE|SEQUENCE)\b`)

// qualifiedCreate finds the schema of CREATE TABLE/TYPE schema.name.
var qualifiedCreate = regexp.MustCompile(`(?is)^\s*CREATE\s+(TABLE|TYPE)\s+("[^"]+"|\w+)\.`)

// outsidePath reports whether a statement creates a table or type in a
// schema out of the search path: reflection does not see it, so the
// rendered database needs it made directly.
func outsidePath(stmt, searchPath string) bool {
	m := qualifiedCreate.FindStringSubmatch(stmt)
	if m == nil {
		return false
	}
	sch := strings.Trim(m[2], `"`)
	if searchPath == "" {
		searchPath = "public"
	}
	for _, s := range newSearchPath(searchPath, "", nil).schemas {
		if s == sch {
			return false
		}
	}
	return true
}

// TestRoundTrip: every reflection case's schema, rendered by Render from
// nothing (diff against an empty database) and run through Prepare's plan
// on a fresh database, reflects exactly like the DDL run directly, and
// diff finds nothing either way: no false positives on the next
// autogenerate.
func TestRoundTrip(t *testing.T) {
	for _, tc := range reflCases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := sqlsplit.SplitWith(tc.ddl, sqlsplit.PostgreSQL)
			if err != nil {
				t.Fatal(err)
			}
			direct, _ := reflFresh(t, tc.searchPath)
			rendered, _ := reflFresh(t, tc.searchPath)
			for _, s := range stmts {
				schematest.Exec(t, direct, s.SQL)
				if outsideModel.MatchString(s.SQL) || outsidePath(s.SQL, tc.searchPath) {
					schematest.Exec(t, rendered, s.SQL)
				}
			}
			want := schematest.Reflect(t, Dialect{}, direct)

			ops, err := diff.Schemas(schematest.Reflect(t, Dialect{}, rendered), want, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sql, err := Dialect{}.Render(ops, nil, dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			runPlan(t, rendered, Dialect{}.Prepare(sql))
			got := schematest.Reflect(t, Dialect{}, rendered)
			if a, b := reflDump(want), reflDump(got); a != b {
				t.Errorf("rendered schema reflects differently\nSQL:\n%s\n--- direct:\n%s\n--- rendered:\n%s", strings.Join(sql, ";\n"), a, b)
			}
			reflNoDiff(t, got, want)
			reflNoDiff(t, want, got)
		})
	}
}
