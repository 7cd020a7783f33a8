package mysql

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

var diffOpts = diff.Options{FKNeedsIndex: true, TableOptions: comparedTableOptions}

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
				t.Errorf("rendered schema reflects differently\nSQL:\n%s\n--- direct:\n%s\n--- rendered:\n%s", strings.Join(stmts, ";\n"), sortedDump(want), sortedDump(got))
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
				t.Errorf("loaded schema differs\n--- direct:\n%s\n--- loaded:\n%s", sortedDump(want), sortedDump(got))
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

// migrateCase is a current schema (with rows) and a desired one: the
// rendered upgrade must reflect like desired, the rendered downgrade like
// current, and the rows must survive where the change keeps them.
type migrateCase struct {
	name             string
	current, desired []string
	rows             []string
	// kept is a query whose result must read the same before the upgrade
	// and after the downgrade ("" to skip).
	kept string
}

// TestMigrateRoundTrip runs each migrateCase on the real server.
func TestMigrateRoundTrip(t *testing.T) {
	for _, tc := range migrateCases {
		t.Run(tc.name, func(t *testing.T) { migrateRoundTrip(t, tc) })
	}
}

func migrateRoundTrip(t *testing.T, tc migrateCase) {
	t.Helper()
	ws, _ := freshDB(t)
	schematest.Exec(t, ws, tc.desired...)
	want := schematest.Reflect(t, Dialect{}, ws)
	db, _ := freshDB(t)
	schematest.Exec(t, db, tc.current...)
	schematest.Exec(t, db, tc.rows...)
	live := schematest.Reflect(t, Dialect{}, db)
	before := queryText(t, db, tc.kept)

	opts := diffOpts
	opts.Naming = schema.Naming{MaxLen: 64}
	ops, err := diff.Schemas(live, want, opts)
	if err != nil {
		t.Fatal(err)
	}
	up, err := Dialect{}.Render(ops, live, dialect.RenderOptions{Naming: opts.Naming})
	if err != nil {
		t.Fatal(err)
	}
	after := live.Clone()
	if err := op.Apply(after, ops...); err != nil {
		t.Fatal(err)
	}
	down, err := Dialect{}.Render(op.ReverseAll(ops), after, dialect.RenderOptions{Naming: opts.Naming})
	if err != nil {
		t.Fatal(err)
	}
	text := "upgrade:\n" + strings.Join(up, ";\n") + "\ndowngrade:\n" + strings.Join(down, ";\n")
	execAll(t, db, up, text)
	// ADD COLUMN appends: column order is not compared.
	if got := schematest.Reflect(t, Dialect{}, db); sortedDump(got) != sortedDump(want) {
		t.Fatalf("after the upgrade the database differs from desired\n%s\n--- desired:\n%s\n--- got:\n%s", text, sortedDump(want), sortedDump(got))
	}
	execAll(t, db, down, text)
	if got := schematest.Reflect(t, Dialect{}, db); sortedDump(got) != sortedDump(live) {
		t.Fatalf("after the downgrade the database differs from current\n%s\n--- current:\n%s\n--- got:\n%s", text, sortedDump(live), sortedDump(got))
	}
	if got := queryText(t, db, tc.kept); got != before {
		t.Errorf("rows changed across upgrade and downgrade: %q, now %q\n%s", before, got, text)
	}
}

// sortedDump is dump with each table's lines sorted.
func sortedDump(s *schema.Schema) string {
	var out, table []string
	flush := func() {
		sort.Strings(table)
		out = append(out, table...)
		table = nil
	}
	for _, l := range strings.Split(dump(s), "\n") {
		if !strings.HasPrefix(l, " ") {
			flush()
			out = append(out, l)
			continue
		}
		table = append(table, l)
	}
	flush()
	return strings.Join(out, "\n")
}

func execAll(t *testing.T, db *sql.DB, stmts []string, text string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s\n  failed: %v\n%s", s, err, text)
		}
	}
}

// queryText is a query's rows as text; "" for no query.
func queryText(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	if q == "" {
		return ""
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			out = append(out, v.String)
		}
		out = append(out, ";")
	}
	return strings.Join(out, " ")
}
