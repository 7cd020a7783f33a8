package corpus

import (
	"reflect"
	"strings"
	"testing"
)

// The snapshot's ON CONFLICT facts: a column's key reads as its table
// form, ABORT and the clauses SQLite ignores are left out.
func TestTableTextConflictFacts(t *testing.T) {
	cases := []struct{ src, want string }{
		{`CREATE TABLE t (a TEXT UNIQUE ON CONFLICT REPLACE)`, "conflict unique (a) replace"},
		{`CREATE TABLE t (a TEXT, CONSTRAINT u UNIQUE ("A" COLLATE nocase DESC) ON CONFLICT Replace)`, "conflict unique (a) replace"},
		{`CREATE TABLE t (a, b, PRIMARY KEY (a, b) ON CONFLICT FAIL)`, "conflict primary key (a, b) fail"},
		{`CREATE TABLE t (id INTEGER PRIMARY KEY DESC ON CONFLICT IGNORE AUTOINCREMENT)`, "conflict primary key (id) ignore|autoincrement id"},
		{`CREATE TABLE t (a NOT NULL ON CONFLICT ROLLBACK DEFAULT 1)`, "conflict not null a rollback"},
		{`CREATE TABLE t (a NOT NULL ON CONFLICT ABORT UNIQUE ON CONFLICT abort)`, ""},
		{`CREATE TABLE t (a NULL ON CONFLICT FAIL, CHECK (a) ON CONFLICT FAIL)`, "check name= a"},
	}
	for _, tc := range cases {
		got := strings.Join(tableTextFacts(tc.src), "|")
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tableTextFacts(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
