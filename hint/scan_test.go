package hint

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/sqlsplit"
)

// scanCase is one file Scan reads and what it must find.
type scanCase struct {
	name string
	opts sqlsplit.Options
	src  string
	want []string // "line table.column<-from" or "line table<-from"
	err  string   // "line: message part"
}

func TestScan(t *testing.T) {
	tests := []scanCase{
		{name: "no hints", src: "CREATE TABLE t (a int);", want: nil},
		{name: "column hints, after the comma and on the last column", src: `CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(100) NOT NULL, -- retort:renamed-from name
  mail TEXT -- retort:renamed-from email
);`, want: []string{"3 users.full_name<-name", "4 users.mail<-email"}},
		{name: "a column over several lines", src: `CREATE TABLE t (
  a text
    NOT NULL -- retort:renamed-from b
    DEFAULT 'x',
  c int
);`, want: []string{"3 t.a<-b"}},
		{name: "table hint before CREATE TABLE, other comments between", src: `CREATE TABLE a (id int);

-- retort:renamed-from notes
-- the memos of a user
/* block */
CREATE TABLE memos (
  id int,
  text_ text -- retort:renamed-from body
);`, want: []string{"8 memos.text_<-body", "3 memos<-notes"}},
		{name: "table hint on the CREATE TABLE line", src: "CREATE TABLE IF NOT EXISTS memos ( -- retort:renamed-from notes\n  id int\n);",
			want: []string{"1 memos<-notes"}},
		{name: "qualified and quoted names", src: `CREATE TABLE "app"."Users" (
  "Full Name" text, -- retort:renamed-from "Name"
  id int
);`, want: []string{`2 app.Users.Full Name<-Name`}},
		{name: "mysql backticks and hash comments", opts: sqlsplit.MySQL, src: "# retort:renamed-from x is no hint here\nCREATE TABLE `t` (\n  `b` int, -- retort:renamed-from `a`\n  `s` varchar(10) DEFAULT 'it\\'s -- retort:renamed-from no'\n) ENGINE=InnoDB;",
			want: []string{"3 t.b<-a"}},
		{name: "hint text in strings and block comments is no hint", src: `CREATE TABLE t (
  a text DEFAULT '-- retort:renamed-from s', /* -- retort:renamed-from c */
  b text
);`, want: nil},
		{name: "a StatementBegin block", src: "-- +retort StatementBegin\nCREATE TABLE t (\n  b int -- retort:renamed-from a\n);\n-- +retort StatementEnd\n",
			want: []string{"3 t.b<-a"}},
		{name: "temporary and unlogged tables", src: "CREATE UNLOGGED TABLE t (\n  b int -- retort:renamed-from a\n);",
			want: []string{"2 t.b<-a"}},
		{name: "a column whose string ends on the hint's line", src: "CREATE TABLE t (\n  a text DEFAULT 'x\ny', -- retort:renamed-from b\n  c int\n);",
			want: []string{"3 t.a<-b"}},
		{name: "after a statement without ';' on its line, before a block",
			src: "CREATE TABLE a (x int) -- retort:renamed-from y\n-- +retort StatementBegin\nCREATE TABLE b (z int);\n-- +retort StatementEnd\n",
			err: "1: a rename hint after a statement on the same line is ambiguous"},
		{name: "before another statement", src: "-- retort:renamed-from x\nCREATE INDEX i ON t (a);",
			err: "1: \"-- retort:renamed-from\" is neither on a column's line"},
		{name: "inside another statement", src: "CREATE VIEW v AS SELECT a -- retort:renamed-from x\nFROM t;",
			err: "1: \"-- retort:renamed-from\" is neither"},
		{name: "at the end of the file", src: "CREATE TABLE t (a int);\n-- retort:renamed-from x\n",
			err: "2: \"-- retort:renamed-from\" is neither"},
		{name: "after a statement on its line", src: "CREATE TABLE t (a int); -- retort:renamed-from x\nCREATE TABLE u (b int);",
			err: "1: a rename hint after a statement on the same line is ambiguous"},
		{name: "on a constraint's line", src: "CREATE TABLE t (\n  a int,\n  CONSTRAINT k UNIQUE (a) -- retort:renamed-from x\n);",
			err: "3: a rename hint goes on a column's line, not a constraint's"},
		{name: "two columns on the line", src: "CREATE TABLE t (\n  a int, b int -- retort:renamed-from x\n);",
			err: "2: a rename hint on a line with several columns is ambiguous"},
		{name: "on its own line inside the list", src: "CREATE TABLE t (\n  a int,\n  -- retort:renamed-from x\n  b int\n);",
			err: "3: \"-- retort:renamed-from\" is neither"},
		{name: "no name", src: "CREATE TABLE t (\n  a int -- retort:renamed-from\n);",
			err: "2: \"-- retort:renamed-from\" needs exactly one name"},
		{name: "two names", src: "CREATE TABLE t (\n  a int -- retort:renamed-from b c\n);",
			err: "2: \"-- retort:renamed-from\" needs exactly one name"},
		{name: "two table hints", src: "-- retort:renamed-from a\n-- retort:renamed-from b\nCREATE TABLE t (x int);",
			err: "2: second table rename hint"},
		{name: "table hints before and on the line", src: "-- retort:renamed-from a\nCREATE TABLE t ( -- retort:renamed-from b\n x int);",
			err: "2: second table rename hint for t"},
	}
	for _, tt := range append(tests, readingCases...) {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Scan("s.sql", tt.src, tt.opts)
			if tt.err != "" {
				var he *Error
				if !errors.As(err, &he) || !strings.Contains(err.Error(), "s.sql:"+tt.err) {
					t.Fatalf("err = %v, want s.sql:%s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, r := range got {
				if r.File != "s.sql" {
					t.Errorf("file = %q", r.File)
				}
				if r.Column == "" {
					lines = append(lines, fmt.Sprintf("%d %s<-%s", r.Line, r.Table, r.From))
				} else {
					lines = append(lines, fmt.Sprintf("%d %s.%s<-%s", r.Line, r.Table, r.Column, r.From))
				}
			}
			if strings.Join(lines, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", lines, tt.want)
			}
		})
	}
}
