package dialect

import (
	"strings"
	"testing"
)

// TestLookup: names, aliases and schemes find a registered dialect; a
// shipped dialect whose package is not imported (mysql, in this test
// binary) is named with the import that is missing.
func TestLookup(t *testing.T) {
	const mysqlImport = `import _ "github.com/retortdb/retort/dialect/mysql"`
	tests := []struct{ name, dialect, err string }{
		{name: "fake-pg", dialect: "fake-pg"},
		{name: "postgres", dialect: "fake-pg"}, // a registered scheme
		{name: "PostgreSQL", dialect: "fake-pg"},
		{name: "pg", dialect: "fake-pg"},
		{name: "sqlite3", dialect: "fake-sqlite"},
		{name: "mysql", err: `dialect "mysql" is not registered: its package is not imported; add ` + mysqlImport},
		{name: "mariadb", err: `dialect "mariadb" is not registered: its package is not imported; add ` + mysqlImport},
		{name: "oracle", err: `unknown dialect "oracle"`},
	}
	for _, tt := range tests {
		d, err := Lookup(tt.name)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Lookup(%q) err = %v, want %q", tt.name, err, tt.err)
			}
		case err != nil:
			t.Errorf("Lookup(%q): %v", tt.name, err)
		case d.Name() != tt.dialect:
			t.Errorf("Lookup(%q) = %s, want %s", tt.name, d.Name(), tt.dialect)
		}
	}
	_, err := ForScheme("mariadb")
	if err == nil || !strings.Contains(err.Error(), `scheme "mariadb" needs the mysql dialect, whose package is not imported: add `+mysqlImport) {
		t.Errorf("ForScheme(mariadb) err = %v, want the missing import", err)
	}
}
