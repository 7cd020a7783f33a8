package hint

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/sqlsplit"
)

// FuzzScan feeds schema files of any shape to Scan and Relations: they
// fail with a located error or return hints that sit on a line holding
// the hint's prefix.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"-- retort:renamed-from notes\nCREATE TABLE memos (\n  id int, -- retort:renamed-from x\n  b text DEFAULT 'a\nb' -- retort:renamed-from c\n);",
		"CREATE TABLE `t` (\n  a int DEFAULT (1--1),\n  b int -- retort:renamed-from c\n) /*!50000 ENGINE=InnoDB */;",
		"CREATE TABLE t (\n  a int CHECK (a ` 10), \"b\" int -- retort:renamed-from c\n);\n# retort:renamed-from d",
		"/*!50000 CREATE TABLE t (\n  b int -- retort:renamed-from a\n) */; CREATE TABLE u (x int) -- retort:renamed-from y\n",
		"-- +retort StatementBegin\nCREATE TABLE t (\n  b int -- retort:renamed-from a\n);\n-- +retort StatementEnd\n",
		"-- retort:relation {\"model\":\"A\",\"field\":\"B\",\"table\":\"a\",\"columns\":[\"b\"],\"ref_table\":\"b\",\"ref_columns\":[\"id\"]}\nCREATE TABLE a (b int);",
	} {
		for d := uint8(0); d < 3; d++ {
			f.Add(s, d)
		}
	}
	f.Fuzz(func(t *testing.T, src string, d uint8) {
		o := []sqlsplit.Options{sqlsplit.PostgreSQL, sqlsplit.MySQL, sqlsplit.SQLite}[d%3]
		lines := strings.Split(src, "\n")
		on := func(line int, prefix string) bool {
			return line >= 1 && line <= len(lines) && strings.Contains(lines[line-1], prefix)
		}
		located := func(err error) {
			var he *Error
			var se *sqlsplit.Error
			if !errors.As(err, &he) && !errors.As(err, &se) {
				t.Fatalf("%q: error without a line: %v", src, err)
			}
			if he != nil && (he.File != "f.sql" || he.Line < 1 || he.Line > len(lines)) {
				t.Fatalf("%q: error %v is off the file", src, err)
			}
		}
		renames, err := Scan("f.sql", src, o)
		if err != nil {
			located(err)
		}
		for _, r := range renames {
			if !on(r.Line, Prefix) || r.Table == "" || r.From == "" || strings.ContainsAny(r.From, " \t\n") {
				t.Fatalf("%q: hint %+v", src, r)
			}
		}
		rels, err := Relations("f.sql", src, o)
		if err != nil {
			located(err)
		}
		for _, r := range rels {
			if !on(r.Line, RelationPrefix) {
				t.Fatalf("%q: relation hint %+v", src, r)
			}
		}
	})
}
