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

// .dump writes a virtual table straight into sqlite_schema, under
// PRAGMA writable_schema, then creates its shadow tables: they are the
// virtual table's, not tables of the schema, as in the database dumped.
func TestLoadDesiredDumpedVirtualTable(t *testing.T) {
	const dump = `PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','docs_fts','docs_fts',0,'CREATE VIRTUAL TABLE docs_fts USING fts5(body, content=''docs'', content_rowid=''id'')');
CREATE TABLE IF NOT EXISTS 'docs_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO docs_fts_data VALUES(1,X'');
INSERT INTO docs_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'docs_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'docs_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'docs_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO docs_fts_config VALUES('version',4);
PRAGMA writable_schema=OFF;
COMMIT;
`
	s, err := Dialect{}.LoadDesired(context.Background(), nil, "", []dialect.SourceFile{{Name: "dump.sql", SQL: dump}})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 1 || s.Tables[0].Name != "docs" {
		t.Errorf("tables %s, want docs alone", reflJSON(s.Tables))
	}
	if len(s.Unmanaged) != 1 || s.Unmanaged[0].Name != "docs_fts" {
		t.Errorf("unmanaged %s, want the virtual table docs_fts", reflJSON(s.Unmanaged))
	}
}
