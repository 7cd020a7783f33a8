package mysql

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A schema file may change its session: a dump sets sql_mode, time_zone
// and the character sets for its statements and puts them back at its
// end, a hand-written file or a cut-off dump may not. The scratch
// database is reflected as a session of the target sees it, whatever
// the file left behind.
func TestLoadDesiredSessionLeftBehind(t *testing.T) {
	const ddl = `CREATE TABLE t (
  id INT PRIMARY KEY,
  a VARCHAR(20) NOT NULL DEFAULT 'x',
  g VARCHAR(30) AS (CONCAT(a, '!')) VIRTUAL,
  at TIMESTAMP NULL DEFAULT '2030-01-01 00:00:00',
  CONSTRAINT t_a CHECK (a <> '')
) COMMENT 'café';
CREATE VIEW v AS SELECT id, a FROM t WHERE a <> 'y';
`
	u := testdb.MySQL(t)
	load := func(src string) string {
		t.Helper()
		s, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
		if err != nil {
			t.Fatal(err)
		}
		return dump(s)
	}
	want := load(ddl)
	for _, set := range []string{
		"SET sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')",
		"SET sql_mode = 'ANSI'",
		"SET sql_quote_show_create = 0",
		"SET time_zone = '+05:00'",
		"SET NAMES latin1",
		"SET character_set_results = latin1",
	} {
		if got := load(ddl + set + ";\n"); got != want {
			t.Errorf("after %q the scratch database reads\n%s\nwant\n%s", set, got, want)
		}
	}
}
