package mysql

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

var diffOpts = diff.Options{FKNeedsIndex: true}

// TestRoundTrip: every case's schema, rendered by Render from nothing and
// applied to a fresh database, reflects exactly like the DDL run directly,
// and diff finds nothing between the two (no false positives).
func TestRoundTrip(t *testing.T) {
	for _, tc := range reflectCases {
		t.Run(tc.name, func(t *testing.T) {
			direct, _ := freshDB(t)
			schematest.Exec(t, direct, tc.ddl...)
			want := schematest.Reflect(t, Dialect{}, direct)

			stmts := renderDiff(t, nil, want)
			rendered, _ := freshDB(t)
			schematest.Exec(t, rendered, stmts...)
			got := schematest.Reflect(t, Dialect{}, rendered)

			if dump(got) != dump(want) {
				t.Errorf("rendered schema reflects differently\nSQL:\n%s\n--- direct:\n%s\n--- rendered:\n%s", strings.Join(stmts, ";\n"), dump(want), dump(got))
			}
			schematest.NoDiff(t, got, want, diffOpts)
			schematest.NoDiff(t, want, got, diffOpts)
		})
	}
}

func renderDiff(t testing.TB, from, to *schema.Schema) []string {
	t.Helper()
	_, stmts := schematest.Migration(t, Dialect{}, from, to, diffOpts)
	return stmts
}

// TestLoadDesired: schema files loaded through a scratch database reflect
// like the same DDL run directly, and the scratch database is dropped.
func TestLoadDesired(t *testing.T) {
	for _, tc := range reflectCases {
		t.Run(tc.name, func(t *testing.T) {
			direct, u := freshDB(t)
			schematest.Exec(t, direct, tc.ddl...)
			want := schematest.Reflect(t, Dialect{}, direct)
			src := strings.Join(tc.ddl, ";\n") + ";\n"
			if strings.Contains(src, "TRIGGER") {
				src = "-- triggers are one statement here\n" + src
			}
			names := scratch.Watch(t)
			got, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
			if err != nil {
				t.Fatal(err)
			}
			if dump(got) != dump(want) {
				t.Errorf("loaded schema differs\n--- direct:\n%s\n--- loaded:\n%s", dump(want), dump(got))
			}
			assertDropped(t, direct, *names)
		})
	}
}

func assertDropped(t testing.TB, db *sql.DB, names []string) {
	t.Helper()
	if len(names) == 0 {
		t.Fatal("LoadDesired created no scratch database")
	}
	for _, n := range names {
		if scratch.Has(t, db, n) {
			t.Errorf("scratch database %s was left behind", n)
		}
	}
}
