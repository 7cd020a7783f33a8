package dialect

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	my := TokenOptions{Backticks: true, Backslash: true, HashComments: true, ExecComments: true, FlatComments: true}
	pg := TokenOptions{DoubleQuoteIdent: true, DollarQuotes: true}
	cases := []struct {
		name string
		o    TokenOptions
		sql  string
		want string // tokens joined by spaces; quoted ones in <>
	}{
		{"qualified", my, "CREATE TABLE db.t (id int)", "CREATE TABLE db . t ( id int )"},
		{"backticks", my, "CREATE TABLE `my``db`.`t`", "CREATE TABLE <my`db> . <t>"},
		{"mysql strings", my, `INSERT INTO t VALUES ('a.b', "c.d", 'it\'s x.y')`, "INSERT INTO t VALUES ( , , )"},
		{"comments", my, "-- x.y\n# a.b\n/* c.d */ SELECT 1", "SELECT"},
		{"exec comment", my, "/*!40101 SET x.y = 1 */; /*M!100100 USE z */", "SET x . y = ; USE z"},
		{"numbers", my, "SELECT 1.5, 2 .3, a1.b", "SELECT , . , a1 . b"},
		{"pg quoted", pg, `CREATE TABLE "My ""T""".x (a text DEFAULT 'q.r')`, `CREATE TABLE <My "T"> . x ( a text DEFAULT )`},
		{"pg dollar", pg, "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT a.b $fn$ LANGUAGE sql", "CREATE FUNCTION f ( ) RETURNS int AS LANGUAGE sql"},
		{"pg nested comment", pg, "/* a /* b */ c.d */ DROP ROLE r", "DROP ROLE r"},
		{"pg parameter", pg, "SELECT $1.x", "SELECT $"},
		{"unterminated", my, "SELECT 'abc", "SELECT"},
		// MySQL ends a comment at the first */: what follows is code.
		{"flat comment", my, "/* a /* b */ CREATE TABLE o.x", "CREATE TABLE o . x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokens(tc.sql, tc.o) {
				if tok.Quoted {
					got = append(got, "<"+tok.Text+">")
				} else {
					got = append(got, tok.Text)
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("Tokens(%q) = %q, want %q", tc.sql, g, tc.want)
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"CREATE TABLE a.b (x int)", "'a\\'b' `c``d` \"e\"", "/*!4 x */ $t$ y $t$ /* /* */ */ -- z\n# w"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, mysql bool) {
		o := TokenOptions{DoubleQuoteIdent: true, DollarQuotes: true}
		if mysql {
			o = TokenOptions{Backticks: true, Backslash: true, HashComments: true, ExecComments: true}
		}
		for _, tok := range Tokens(s, o) {
			if tok.Text == "" && !tok.Quoted {
				t.Fatalf("empty unquoted token in %q", s)
			}
			if !tok.Quoted && !strings.Contains(s, tok.Text) {
				t.Fatalf("token %q is not in %q", tok.Text, s)
			}
		}
	})
}
