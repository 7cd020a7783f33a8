package mysql

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

func TestReflect(t *testing.T) {
	for _, tc := range reflectCases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := freshDB(t)
			schematest.Exec(t, db, tc.ddl...)
			got := dump(schematest.Reflect(t, Dialect{}, db))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("reflection lacks %q\n--- got:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("reflection has %q\n--- got:\n%s", n, got)
				}
			}
		})
	}
}

func TestReflectSkipsRetortTables(t *testing.T) {
	db, _ := freshDB(t)
	schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...)
	schematest.Exec(t, db, Dialect{}.VersionTablesDDL()...) // idempotent
	schematest.Exec(t, db, "CREATE TABLE mine (id INT PRIMARY KEY)")
	s := schematest.Reflect(t, Dialect{}, db)
	if len(s.Tables) != 1 || s.Tables[0].Name != "mine" {
		t.Fatalf("want only table mine, got\n%s", dump(s))
	}
}
