package sqlsplit

import (
	"fmt"
	"strings"
	"testing"
)

// joinTokens writes tokens separated by spaces, quoted ones in <>.
func joinTokens(toks []Token) string {
	var out []string
	for _, tok := range toks {
		if tok.Quoted {
			out = append(out, "<"+tok.Text+">")
		} else {
			out = append(out, tok.Text)
		}
	}
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	cases := []struct {
		name string
		o    Options
		sql  string
		want string // tokens joined by spaces; quoted ones in <>
	}{
		{"qualified", MySQL, "CREATE TABLE db.t (id int)", "CREATE TABLE db . t ( id int )"},
		{"backticks", MySQL, "CREATE TABLE `my``db`.`t`", "CREATE TABLE <my`db> . <t>"},
		{"mysql strings", MySQL, `INSERT INTO t VALUES ('a.b', "c.d", 'it\'s x.y')`, "INSERT INTO t VALUES ( , , )"},
		{"comments", MySQL, "-- x.y\n# a.b\n/* c.d */ SELECT 1", "SELECT"},
		{"exec comment", MySQL, "/*!40101 SET x.y = 1 */; /*M!100100 USE z */", "SET x . y = ; USE z"},
		{"exec comment string", MySQL, "/*!50000 SELECT '*/' */, a", "SELECT , a"},
		{"numbers", MySQL, "SELECT 1.5, 2 .3, a1.b", "SELECT , . , a1 . b"},
		{"mysql name starting with a digit", MySQL, "SELECT 1db.t, 1$x", "SELECT 1db . t , 1$x"},
		{"mysql -- without a blank", MySQL, "SELECT a --1, b FROM c", "SELECT a - - , b FROM c"},
		{"mysql -- with a blank", MySQL, "SELECT a -- 1, b FROM c", "SELECT a"},
		{"pg quoted", PostgreSQL, `CREATE TABLE "My ""T""".x (a text DEFAULT 'q.r')`, `CREATE TABLE <My "T"> . x ( a text DEFAULT )`},
		{"pg dollar", PostgreSQL, "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT a.b $fn$ LANGUAGE sql", "CREATE FUNCTION f ( ) RETURNS int AS LANGUAGE sql"},
		{"pg nested comment", PostgreSQL, "/* a /* b */ c.d */ DROP ROLE r", "DROP ROLE r"},
		{"pg parameter", PostgreSQL, "SELECT $1.x", "SELECT $"},
		{"pg number before a dollar quote", PostgreSQL, "SELECT 1$a$ x $a$, y", "SELECT , y"},
		{"pg E string", PostgreSQL, `COPY (SELECT E'\'') TO PROGRAM 'x'`, "COPY ( SELECT E ) TO PROGRAM"},
		{"pg backtick", PostgreSQL, "SELECT ` a `", "SELECT ` a `"},
		{"pg /*! is a comment", PostgreSQL, "/*! a */ b", "b"},
		{"sqlite brackets", SQLite, "VACUUM [it's] INTO 'x'", "VACUUM <it's> INTO"},
		{"sqlite double quotes", SQLite, `SELECT "a""b", ` + "`c`", `SELECT <a"b> , <c>`},
		{"unterminated", MySQL, "SELECT 'abc", "SELECT"},
		{"unterminated identifier", PostgreSQL, `SELECT "abc`, "SELECT <abc>"},
		// MySQL ends a comment at the first */: what follows is code.
		{"flat comment", MySQL, "/* a /* b */ CREATE TABLE o.x", "CREATE TABLE o . x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if g := joinTokens(Tokens(tc.sql, tc.o)); g != tc.want {
				t.Errorf("Tokens(%q) = %q, want %q", tc.sql, g, tc.want)
			}
		})
	}
}

// TestSplitTokensAgree runs tricky inputs through SplitWith and Tokens
// with each dialect's Options: the two must read the same code.
func TestSplitTokensAgree(t *testing.T) {
	cases := []struct {
		name   string
		o      Options
		src    string
		stmts  []string
		tokens string // of the whole src
	}{
		{"pg nested comment", PostgreSQL, "SELECT /* a /* b */ ; */ 1; SELECT 2", []string{"SELECT /* a /* b */ ; */ 1", "SELECT 2"}, "SELECT ; SELECT"},
		{"mysql flat comment", MySQL, "SELECT /* a /* b */ c; SELECT 2 */", []string{"SELECT /* a /* b */ c", "SELECT 2 */"}, "SELECT c ; SELECT * /"},
		{"sqlite flat comment", SQLite, "SELECT /* a /* b */ c; d", []string{"SELECT /* a /* b */ c", "d"}, "SELECT c ; d"},
		{"mysql hash comment", MySQL, "SELECT a # b; c\n; d", []string{"SELECT a", "d"}, "SELECT a ; d"},
		{"pg hash is an operator", PostgreSQL, "SELECT a # b; c", []string{"SELECT a # b", "c"}, "SELECT a # b ; c"},
		{"mysql backslash escape", MySQL, `SELECT 'a\'; b'; c`, []string{`SELECT 'a\'; b'`, "c"}, "SELECT ; c"},
		{"mysql double-quoted string", MySQL, `SELECT "a\"; b"; c`, []string{`SELECT "a\"; b"`, "c"}, "SELECT ; c"},
		{"pg backslash is literal", PostgreSQL, `SELECT 'a\'; b`, []string{`SELECT 'a\'`, "b"}, "SELECT ; b"},
		{"pg E string", PostgreSQL, `SELECT E'a\'; b'; c`, []string{`SELECT E'a\'; b'`, "c"}, "SELECT E ; c"},
		{"pg dollar quote with tag", PostgreSQL, "DO $x$ a; $$ b; $x$; c", []string{"DO $x$ a; $$ b; $x$", "c"}, "DO ; c"},
		{"pg parameter", PostgreSQL, "SELECT $1; c", []string{"SELECT $1", "c"}, "SELECT $ ; c"},
		{"mysql dollar is no quote", MySQL, "SELECT $a$; c $a$", []string{"SELECT $a$", "c $a$"}, "SELECT $ a$ ; c $ a$"},
		{"mysql -- without a blank", MySQL, "SELECT 1 --1; c", []string{"SELECT 1 --1", "c"}, "SELECT - - ; c"},
		{"mysql -- before a tab", MySQL, "SELECT 1 --\t; c\n; d", []string{"SELECT 1", "d"}, "SELECT ; d"},
		{"pg -- without a blank", PostgreSQL, "SELECT 1 --1; c\n; d", []string{"SELECT 1", "d"}, "SELECT ; d"},
		{"mysql executable comment", MySQL, "/*!40101 SET a = ';*/' */; c", []string{"/*!40101 SET a = ';*/' */", "c"}, "SET a = ; c"},
		{"mariadb executable comment", MySQL, "CREATE TABLE t (a int) /*M!100100 b */; c", []string{"CREATE TABLE t (a int) /*M!100100 b */", "c"}, "CREATE TABLE t ( a int ) b ; c"},
		{"pg backtick", PostgreSQL, "SELECT `; c `", []string{"SELECT `", "c `"}, "SELECT ` ; c `"},
		{"mysql backtick", MySQL, "SELECT `; c `", []string{"SELECT `; c `"}, "SELECT <; c >"},
		{"sqlite brackets", SQLite, "SELECT [a;']; c", []string{"SELECT [a;']", "c"}, "SELECT <a;'> ; c"},
		{"pg brackets", PostgreSQL, "SELECT a[1]; c", []string{"SELECT a[1]", "c"}, "SELECT a [ ] ; c"},
		{"trigger body", SQLite, "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END; c", []string{"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END", "c"},
			"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT ; END ; c"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := SplitWith(tc.src, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.stmts) {
				t.Errorf("statements %q, want %q", got, tc.stmts)
			}
			if g := joinTokens(Tokens(tc.src, tc.o)); g != tc.tokens {
				t.Errorf("tokens %q, want %q", g, tc.tokens)
			}
			if err := splitTokensAgree(tc.src, stmts, tc.o); err != nil {
				t.Error(err)
			}
		})
	}
}

// splitTokensAgree checks that the statements SplitWith found in src are
// the tokens Tokens finds in the whole of src, in order, with only ';'
// tokens between them: a ';' the tokenizer takes for code ends a
// statement or sits inside one (a routine body, an executable comment).
func splitTokensAgree(src string, stmts []Stmt, o Options) error {
	whole := Tokens(src, o)
	semicolon := Token{Text: ";"}
	k := 0
	for _, st := range stmts {
		part := joinTokens(Tokens(st.SQL, o))
		n := len(Tokens(st.SQL, o))
		// The statement may itself start with a ';' token (inside an
		// executable comment), so try each number of separators.
		found := false
		for skip := k; skip+n <= len(whole); skip++ {
			if joinTokens(whole[skip:skip+n]) == part {
				k, found = skip+n, true
				break
			}
			if whole[skip] != semicolon {
				break
			}
		}
		if !found {
			return fmt.Errorf("statement %q reads %q, the script there %q", st.SQL, part, joinTokens(whole[k:]))
		}
	}
	for _, tok := range whole[k:] {
		if tok != semicolon {
			return fmt.Errorf("tokens %q are in no statement", joinTokens(whole[k:]))
		}
	}
	return nil
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"CREATE TABLE a.b (x int); SELECT 2",
		"'a\\'b' `c``d` \"e\"; [f;]",
		"/*!4 x; */ $t$ y; $t$ /* /* */ ; */ -- z\n# w\n;",
		"SELECT 1--1; SELECT E'\\';'; SELECT $1$a$;$a$",
		"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END; SELECT 2",
	} {
		for d := uint8(0); d < 3; d++ {
			f.Add(s, d)
		}
	}
	f.Fuzz(func(t *testing.T, s string, d uint8) {
		o := []Options{PostgreSQL, MySQL, SQLite}[d%3]
		// DELIMITER lines are the mysql client's, not SQL to tokenize.
		o.ClientDelimiter = false
		for _, tok := range Tokens(s, o) {
			if tok.Text == "" && !tok.Quoted {
				t.Fatalf("empty unquoted token in %q", s)
			}
			if !tok.Quoted && !strings.Contains(s, tok.Text) {
				t.Fatalf("token %q is not in %q", tok.Text, s)
			}
		}
		stmts, err := SplitWith(s, o)
		if err != nil || strings.Contains(strings.ToLower(s), "+retort") {
			return // explicit blocks are taken verbatim, not lexed
		}
		for _, st := range stmts {
			if o.DashCommentBlank && strings.HasSuffix(st.SQL, "--") {
				// MySQL: "--;" is code, but a statement sent as "...--"
				// ends in a comment; it hides nothing either way.
				return
			}
		}
		if err := splitTokensAgree(s, stmts, o); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	})
}
