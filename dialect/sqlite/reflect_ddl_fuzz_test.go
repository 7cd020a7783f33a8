package sqlite

import "testing"

// FuzzScanCreateTable feeds arbitrary text to every scanner reflection uses
// on sqlite_master SQL: none may panic, whatever the input.
func FuzzScanCreateTable(f *testing.F) {
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT COLLATE NOCASE UNIQUE CHECK (a <> ''))`,
		`CREATE TABLE "x""y" ([a] INT REFERENCES p ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT c FOREIGN KEY (a) REFERENCES q(b) MATCH FULL) WITHOUT ROWID, STRICT`,
		`CREATE TABLE g (a INT, b INT GENERATED ALWAYS AS (a * (a + 1)) STORED, c AS (a) VIRTUAL)`,
		`CREATE TABLE c (a -- (
		, b /* ) */ DEFAULT -1.5e3, CHECK (b IN ('(', ')')))`,
		`CREATE UNIQUE INDEX i ON t (lower(a) COLLATE nocase DESC, b) WHERE a > 0`,
		`CREATE VIEW v (a) AS SELECT 1 AS a`,
		`CREATE TABLE oc (id INTEGER PRIMARY KEY ON CONFLICT REPLACE AUTOINCREMENT, a NOT NULL ON CONFLICT IGNORE UNIQUE ON CONFLICT FAIL, b NULL ON CONFLICT ROLLBACK, UNIQUE (a, b) ON CONFLICT ABORT, CHECK (a) ON CONFLICT FAIL)`,
		`CREATE TABLE t (a NOT NULL ON CONFLICT`, `CREATE TABLE t (a, PRIMARY KEY (a) ON`,
		`CREATE TABLE t (a CONSTRAINT`, `((((`, `))`, `'`, "`", `[`, `"`, `/*`, `CONSTRAINT`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := reflScanCreateTable(src)
		for _, c := range d.Columns {
			_ = d.columnDDL(c.Name)
		}
		invTableOptions(src)
		reflScanCreateIndex(src)
		reflViewDef(src)
	})
}
