package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// `sqlite3 app.db .schema` prints the tables SQLite makes itself, which
// SQLite refuses to create: the file loads without them, and a table of
// the user's with such a name is still refused.
func TestLoadDesiredInternalTables(t *testing.T) {
	cases := []struct {
		name, sql string
		refuse    string // "" loads
	}{
		{"sqlite_sequence", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE sqlite_sequence(name,seq);", ""},
		{"sqlite_stat1 and 4", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE sqlite_stat1(tbl,idx,stat);\nCREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample);", ""},
		{"quoted, any case", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE IF NOT EXISTS \"SQLite_Sequence\" (name, seq);", ""},
		{"a user's table", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE sqlite_mine (id int);", "s.sql:2: "},
		{"another shape", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE sqlite_sequence AS SELECT 1 AS name, 2 AS seq;", "s.sql:2: "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Dialect{}.LoadDesired(context.Background(), nil, "", []dialect.SourceFile{{Name: "s.sql", SQL: tc.sql}})
			switch {
			case tc.refuse == "" && err != nil:
				t.Fatal(err)
			case tc.refuse == "" && (len(s.Tables) != 1 || s.Tables[0].Name != "a"):
				t.Errorf("tables %s, want a alone", reflJSON(s.Tables))
			case tc.refuse != "" && (err == nil || !strings.Contains(err.Error(), tc.refuse)):
				t.Errorf("got %v, want an error containing %q", err, tc.refuse)
			}
		})
	}
}
