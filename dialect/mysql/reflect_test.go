package mysql

import (
	"strings"
	"testing"
)

func TestReflect(t *testing.T) {
	for _, tc := range reflectCases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := freshDB(t)
			execAll(t, db, tc.ddl...)
			got := dump(reflectDB(t, db))
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
	execAll(t, db, Dialect{}.VersionTablesDDL()...)
	execAll(t, db, Dialect{}.VersionTablesDDL()...) // idempotent
	execAll(t, db, "CREATE TABLE mine (id INT PRIMARY KEY)")
	s := reflectDB(t, db)
	if len(s.Tables) != 1 || s.Tables[0].Name != "mine" {
		t.Fatalf("want only table mine, got\n%s", dump(s))
	}
}
