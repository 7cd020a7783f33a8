package mysql

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// optionCases hold sequences, view options and index comments.
var optionCases = []struct {
	name        string
	mariadbOnly bool
	ddl         []string
	reflected   string // a line dumpOptions must show
}{
	{"sequence_every_option", true, []string{"CREATE SEQUENCE s START WITH 100 MINVALUE 10 MAXVALUE 1000 INCREMENT BY -2 CACHE 20 CYCLE COMMENT 'it''s'"},
		"sequence s: START WITH 100 MINVALUE 10 MAXVALUE 1000 INCREMENT BY -2 CACHE 20 CYCLE COMMENT 'it''s'"},
	{"sequence_default", true, []string{"CREATE SEQUENCE s", "CREATE TABLE t (id BIGINT NOT NULL DEFAULT NEXT VALUE FOR s PRIMARY KEY)"}, "default=nextval(`s`)"},
	{"view_options", false, []string{"CREATE TABLE t (id INT PRIMARY KEY, b INT)",
		"CREATE SQL SECURITY INVOKER VIEW v AS SELECT id, b FROM t WHERE b > 0 WITH LOCAL CHECK OPTION",
		"CREATE VIEW w AS SELECT id FROM v WITH CHECK OPTION"}, `view v options="check_option=LOCAL, sql_security=INVOKER"`},
	{"view_algorithm", true, []string{"CREATE TABLE t (id INT PRIMARY KEY)", "CREATE ALGORITHM=TEMPTABLE VIEW v AS SELECT id FROM t"}, `view v options="algorithm=TEMPTABLE"`},
	{"index_comments", false, []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20), KEY t_a (a) COMMENT 'by a', UNIQUE KEY t_b (b) COMMENT 'one b')",
		"CREATE FULLTEXT INDEX t_ft ON t (b) COMMENT 'words'"}, `index t.t_b comment="one b"`},
}

// dumpOptions adds what dump leaves out: SQL objects, view options and
// index comments.
func dumpOptions(s *schema.Schema) string {
	var lines []string
	for _, o := range s.Objects {
		lines = append(lines, fmt.Sprintf("%s: %s | %s | %s", o.Label(), o.Definition, strings.Join(o.Create, "; "), o.Attrs["alter"]))
	}
	for _, v := range s.Views {
		lines = append(lines, fmt.Sprintf("view %s options=%q", v.Name, v.Options))
	}
	for _, t := range s.Tables {
		for _, ix := range t.Indexes {
			lines = append(lines, fmt.Sprintf("index %s.%s comment=%q", t.Name, ix.Name, ix.Comment))
		}
	}
	return dump(s) + "\n" + strings.Join(lines, "\n")
}

// TestRoundTripOptions: each case rendered from nothing reflects like its
// DDL run directly, loads through a scratch database the same way, and
// diffs clean both ways.
func TestRoundTripOptions(t *testing.T) {
	for _, tc := range optionCases {
		t.Run(tc.name, func(t *testing.T) {
			direct, u := freshDB(t)
			want := schematest.Reflect(t, Dialect{}, direct)
			if tc.mariadbOnly && !isMariaDB(want.Server) {
				t.Skip("MariaDB only")
			}
			schematest.Exec(t, direct, tc.ddl...)
			want = schematest.Reflect(t, Dialect{}, direct)
			if !strings.Contains(dumpOptions(want), tc.reflected) {
				t.Fatalf("reflection lacks %q:\n%s", tc.reflected, dumpOptions(want))
			}

			stmts := renderDiff(t, nil, want)
			rendered, _ := freshDB(t)
			schematest.Exec(t, rendered, stmts...)
			got := schematest.Reflect(t, Dialect{}, rendered)
			if dumpOptions(got) != dumpOptions(want) {
				t.Errorf("rendered schema reflects differently\nSQL:\n%s\n--- direct:\n%s\n--- rendered:\n%s", strings.Join(stmts, ";\n"), dumpOptions(want), dumpOptions(got))
			}
			schematest.NoDiff(t, got, want, diffOpts)
			schematest.NoDiff(t, want, got, diffOpts)

			loaded, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: strings.Join(tc.ddl, ";\n") + ";\n"}})
			if err != nil {
				t.Fatal(err)
			}
			if dumpOptions(loaded) != dumpOptions(want) {
				t.Errorf("loaded schema differs\n--- direct:\n%s\n--- loaded:\n%s", dumpOptions(want), dumpOptions(loaded))
			}
		})
	}
}

// TestSequenceAlterKeepsValue: a changed sequence is altered in place, so
// the values it handed out are not handed out again.
func TestSequenceAlterKeepsValue(t *testing.T) {
	db, _ := freshDB(t)
	if !isMariaDB(schematest.Reflect(t, Dialect{}, db).Server) {
		t.Skip("MariaDB only")
	}
	schematest.Exec(t, db, "CREATE SEQUENCE s START WITH 10 CACHE 0")
	from := schematest.Reflect(t, Dialect{}, db)
	var first, next int64
	for range 3 {
		if err := db.QueryRow("SELECT NEXTVAL(s)").Scan(&first); err != nil {
			t.Fatal(err)
		}
	}
	target, _ := freshDB(t)
	schematest.Exec(t, target, "CREATE SEQUENCE s START WITH 10 INCREMENT BY 100 CACHE 0 COMMENT 'hundreds'")
	to := schematest.Reflect(t, Dialect{}, target)

	stmts := renderDiff(t, from, to)
	for _, s := range stmts {
		if strings.Contains(s, "DROP") || strings.Contains(s, "CREATE") {
			t.Fatalf("sequence change is not in place:\n%s", strings.Join(stmts, ";\n"))
		}
	}
	schematest.Exec(t, db, stmts...)
	if err := db.QueryRow("SELECT NEXTVAL(s)").Scan(&next); err != nil {
		t.Fatal(err)
	}
	if next <= first {
		t.Errorf("after %s the sequence gave %d, at or before the %d it gave already", strings.Join(stmts, "; "), next, first)
	}
	schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), to, diffOpts)
}
