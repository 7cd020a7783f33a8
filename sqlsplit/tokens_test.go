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

// TestTokensExec: each token of an executable comment carries its
// marker, which says from which version the server runs it.
func TestTokensExec(t *testing.T) {
	src := "/*M!999999\\- enable the sandbox mode */ \nGRANT /*!40101 ALL */ ON /*! x */ y"
	var got []string
	for _, tok := range Tokens(src, MySQL) {
		got = append(got, tok.Exec+":"+tok.Text)
	}
	want := `/*M!999999:\ /*M!999999:- /*M!999999:enable /*M!999999:the /*M!999999:sandbox /*M!999999:mode :GRANT /*!40101:ALL :ON /*!:x :y`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("Tokens(%q) =\n%s\nwant\n%s", src, g, want)
	}
}

// describeLex writes Lex's tokens as "line kind text" joined by "|", kind
// w(ord), q(uoted), c(omment), l(iteral) or p(unctuation).
func describeLex(toks []Token) string {
	var out []string
	for _, t := range toks {
		kind := "p"
		switch {
		case t.Quoted:
			kind = "q"
		case t.Word:
			kind = "w"
		case t.Comment:
			kind = "c"
		case t.Literal:
			kind = "l"
		}
		out = append(out, fmt.Sprintf("%d %s %s", t.Line, kind, t.Text))
	}
	return strings.Join(out, "|")
}

func TestLex(t *testing.T) {
	cases := []struct {
		name string
		o    Options
		sql  string
		want string // describeLex
	}{
		{"lines and kinds", PostgreSQL, "CREATE TABLE \"T\" (\n  a text DEFAULT 'x\ny', -- c\n  b numeric(5, 2)\n)",
			"1 w CREATE|1 w TABLE|1 q T|1 p (|2 w a|2 w text|2 w DEFAULT|2 l 'x\ny'|3 p ,|3 c -- c|4 w b|4 w numeric|4 p (|4 l 5|4 p ,|4 l 2|4 p )|5 p )"},
		{"block comments keep their markers", PostgreSQL, "/* a\n/* b */ */ x", "1 c /* a\n/* b */ */|2 w x"},
		{"mysql hash comment and double-quoted string", MySQL, "# h\nSELECT \"a\", `b`", `1 c # h|2 w SELECT|2 l "a"|2 p ,|2 q b`},
		{"mysql -- before a blank only", MySQL, "a --1,\nb -- c", "1 w a|1 p -|1 p -|1 l 1|1 p ,|2 w b|2 c -- c"},
		{"pg --1 is a comment", PostgreSQL, "a --1,\nb", "1 w a|1 c --1,|2 w b"},
		{"mysql executable comment is code", MySQL, "a /*!50000 ,\n b -- c\n */ d", "1 w a|1 p ,|2 w b|2 c -- c|3 w d"},
		{"pg /*! is a comment", PostgreSQL, "a /*! ,\n b */ d", "1 w a|1 c /*! ,\n b */|2 w d"},
		{"pg backtick is punctuation", PostgreSQL, "a ` b,\n`c`", "1 w a|1 p `|1 w b|1 p ,|2 p `|2 w c|2 p `"},
		{"mysql backtick quotes", MySQL, "a ` b,\n`c", "1 w a|1 q  b,\n|2 w c"},
		{"pg dollar quote", PostgreSQL, "$f$ a;\n $f$ b", "1 l $f$ a;\n $f$|2 w b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if g := describeLex(Lex(tc.sql, tc.o)); g != tc.want {
				t.Errorf("Lex(%q) =\n%q\nwant\n%q", tc.sql, g, tc.want)
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
// tokensOutsideMetaCommands is Tokens without what the splitter skips:
// a psql meta-command, from a backslash where a statement starts (Lex
// shows the literals that start one) to the end of its line.
func tokensOutsideMetaCommands(src string, o Options) []Token {
	if o.NoPsql {
		return Tokens(src, o)
	}
	var out []Token
	start, skipLine := true, 0
	for _, tok := range Lex(src, o) {
		switch {
		case tok.Line == skipLine:
		case tok.Comment:
		case start && tok.Text == `\` && !tok.Word && !tok.Quoted && !tok.Literal:
			skipLine = tok.Line
		default:
			if !tok.Literal {
				out = append(out, tok)
			}
			start = tok.Text == ";" && !tok.Word && !tok.Literal
		}
	}
	return out
}

func splitTokensAgree(src string, stmts []Stmt, o Options) error {
	whole := tokensOutsideMetaCommands(src, o)
	semicolon := func(t Token) bool { return t.Text == ";" && !t.Word }
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
			if !semicolon(whole[skip]) {
				break
			}
		}
		if !found {
			return fmt.Errorf("statement %q reads %q, the script there %q", st.SQL, part, joinTokens(whole[k:]))
		}
	}
	for _, tok := range whole[k:] {
		if !semicolon(tok) {
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
		"\\restrict k\nSELECT 1; \\unrestrict k\n",
	} {
		for d := uint8(0); d < 3; d++ {
			f.Add(s, d)
		}
	}
	f.Fuzz(func(t *testing.T, s string, d uint8) {
		o := []Options{PostgreSQL, MySQL, SQLite}[d%3]
		// DELIMITER lines are the mysql client's, not SQL to tokenize.
		o.ClientDelimiter = false
		toks := Tokens(s, o)
		for _, tok := range toks {
			if tok.Text == "" && !tok.Quoted {
				t.Fatalf("empty unquoted token in %q", s)
			}
			if !tok.Quoted && !strings.Contains(s, tok.Text) {
				t.Fatalf("token %q is not in %q", tok.Text, s)
			}
		}
		// Lex reads what Tokens reads, comments and literals added in
		// place, on lines that only go forward.
		var code []Token
		line, lines := 1, 1+strings.Count(s, "\n")
		for _, tok := range Lex(s, o) {
			if tok.Line < line || tok.Line > lines {
				t.Fatalf("%q: token %q on line %d after line %d (of %d)", s, tok.Text, tok.Line, line, lines)
			}
			line = tok.Line
			if (tok.Comment || tok.Literal) && (tok.Word || !strings.Contains(s, tok.Text)) {
				t.Fatalf("%q: comment or literal %+v", s, tok)
			}
			if !tok.Comment && !tok.Literal {
				code = append(code, tok)
			}
		}
		if fmt.Sprint(code) != fmt.Sprint(toks) {
			t.Fatalf("%q: Lex's code %+v, Tokens %+v", s, code, toks)
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
