package sqlsplit

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Stmt
	}{
		{"empty", "", nil},
		{"blank", " \n\t\n", nil},
		{"only semicolons", ";;\n;", nil},
		{"one without semicolon", "SELECT 1", []Stmt{{"SELECT 1", 1}}},
		{"two", "SELECT 1;\nSELECT 2;\n", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"same line", "SELECT 1; SELECT 2", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 1}}},
		{"multi line statement", "\n\nCREATE TABLE t (\n  id int\n);\n", []Stmt{{"CREATE TABLE t (\n  id int\n)", 3}}},
		{"semicolon in string", "INSERT INTO t VALUES ('a;b');", []Stmt{{"INSERT INTO t VALUES ('a;b')", 1}}},
		{"doubled quote", "SELECT 'it''s;'; SELECT 2", []Stmt{{"SELECT 'it''s;'", 1}, {"SELECT 2", 1}}},
		{"backslash is literal in standard strings", `SELECT 'a\'; SELECT 2`, []Stmt{{`SELECT 'a\'`, 1}, {"SELECT 2", 1}}},
		{"E string escapes", `SELECT E'a\';b'; SELECT 2`, []Stmt{{`SELECT E'a\';b'`, 1}, {"SELECT 2", 1}}},
		{"lower e string", `SELECT e'\\'; SELECT 2`, []Stmt{{`SELECT e'\\'`, 1}, {"SELECT 2", 1}}},
		{"identifier ending in e is not E string", `SELECT name'a\'; SELECT 2`, []Stmt{{`SELECT name'a\'`, 1}, {"SELECT 2", 1}}},
		{"double-quoted identifier", `CREATE TABLE "a;b" ("x""y;" int);`, []Stmt{{`CREATE TABLE "a;b" ("x""y;" int)`, 1}}},
		{"line comment with semicolon", "SELECT 1 -- x; y\n+ 2;", []Stmt{{"SELECT 1 -- x; y\n+ 2", 1}}},
		{"leading comment dropped", "-- header;\n\nSELECT 1;", []Stmt{{"SELECT 1", 3}}},
		{"trailing comment dropped", "SELECT 1 -- done\n;", []Stmt{{"SELECT 1", 1}}},
		{"comment only statements", "-- a\n;\n/* b */;\n", nil},
		{"block comment", "SELECT /* ; */ 1;", []Stmt{{"SELECT /* ; */ 1", 1}}},
		{"nested block comment", "SELECT /* a /* ; */ ; */ 1;", []Stmt{{"SELECT /* a /* ; */ ; */ 1", 1}}},
		{"block comment lines", "/* a\nb\n*/ SELECT 1;", []Stmt{{"SELECT 1", 3}}},
		{"comment markers in string", "SELECT '--', '/*'; SELECT 2", []Stmt{{"SELECT '--', '/*'", 1}, {"SELECT 2", 1}}},
		{"quote in comment", "SELECT 1; -- it's\nSELECT 2", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"dollar quote", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\nSELECT 2;",
			[]Stmt{{"CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql", 1}, {"SELECT 2", 2}}},
		{"tagged dollar quote", "DO $body$ SELECT '$$;'; $body$;", []Stmt{{"DO $body$ SELECT '$$;'; $body$", 1}}},
		{"dollar quote keeps inner other tag", "SELECT $a$ $b$ ; $a$;", []Stmt{{"SELECT $a$ $b$ ; $a$", 1}}},
		{"dollar quote lines", "SELECT $$\n;\n$$;\nSELECT 2;", []Stmt{{"SELECT $$\n;\n$$", 1}, {"SELECT 2", 4}}},
		{"placeholder is not a quote", "SELECT $1; SELECT $2", []Stmt{{"SELECT $1", 1}, {"SELECT $2", 1}}},
		{"dollar in identifier", "SELECT a$b$c; SELECT 2", []Stmt{{"SELECT a$b$c", 1}, {"SELECT 2", 1}}},
		{"lone dollar", "SELECT $ ; SELECT 2", []Stmt{{"SELECT $", 1}, {"SELECT 2", 1}}},
		{"sqlite trigger", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE u SET n = n + 1;\n  DELETE FROM v;\nEND;\nSELECT 1;",
			[]Stmt{{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE u SET n = n + 1;\n  DELETE FROM v;\nEND", 1}, {"SELECT 1", 5}}},
		{"trigger with case", "CREATE TRIGGER tr BEFORE UPDATE ON t BEGIN SELECT CASE WHEN new.a < 0 THEN RAISE(ABORT, 'neg') END; UPDATE x SET y = CASE WHEN 1 THEN 2 ELSE 3 END; END; SELECT 2;",
			[]Stmt{{"CREATE TRIGGER tr BEFORE UPDATE ON t BEGIN SELECT CASE WHEN new.a < 0 THEN RAISE(ABORT, 'neg') END; UPDATE x SET y = CASE WHEN 1 THEN 2 ELSE 3 END; END", 1}, {"SELECT 2", 1}}},
		{"trigger when case before begin", "CREATE TRIGGER tr AFTER INSERT ON t WHEN (CASE WHEN 1 THEN 1 END) BEGIN SELECT 1; END; SELECT 2",
			[]Stmt{{"CREATE TRIGGER tr AFTER INSERT ON t WHEN (CASE WHEN 1 THEN 1 END) BEGIN SELECT 1; END", 1}, {"SELECT 2", 1}}},
		{"temp trigger lower case", "create temp trigger tr after delete on t begin delete from u; end ; select 2",
			[]Stmt{{"create temp trigger tr after delete on t begin delete from u; end", 1}, {"select 2", 1}}},
		{"trigger without body", "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); SELECT 2",
			[]Stmt{{"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", 1}, {"SELECT 2", 1}}},
		{"mysql procedure with if and loops", "CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; WHILE 0 DO SELECT 2; END WHILE; lbl: LOOP LEAVE lbl; END LOOP lbl; REPEAT SELECT 3; UNTIL 1 END REPEAT; CASE 1 WHEN 1 THEN SELECT 4; END CASE; BEGIN SELECT 5; END; END; SELECT 6",
			[]Stmt{{"CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; WHILE 0 DO SELECT 2; END WHILE; lbl: LOOP LEAVE lbl; END LOOP lbl; REPEAT SELECT 3; UNTIL 1 END REPEAT; CASE 1 WHEN 1 THEN SELECT 4; END CASE; BEGIN SELECT 5; END; END", 1}, {"SELECT 6", 1}}},
		{"labelled end", "CREATE PROCEDURE p() lbl: BEGIN SELECT 1; END lbl; SELECT 2",
			[]Stmt{{"CREATE PROCEDURE p() lbl: BEGIN SELECT 1; END lbl", 1}, {"SELECT 2", 1}}},
		{"begin atomic", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nSELECT 2;",
			[]Stmt{{"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", 1}, {"SELECT 2", 2}}},
		{"begin not atomic", "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
			[]Stmt{{"BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", 1}, {"SELECT 3", 1}}},
		{"plain begin is a statement", "BEGIN;\nINSERT INTO t VALUES (1);\nEND;",
			[]Stmt{{"BEGIN", 1}, {"INSERT INTO t VALUES (1)", 2}, {"END", 3}}},
		{"begin transaction", "BEGIN TRANSACTION; SELECT 1; COMMIT;",
			[]Stmt{{"BEGIN TRANSACTION", 1}, {"SELECT 1", 1}, {"COMMIT", 1}}},
		{"table named function is not a body", "CREATE TABLE function (begin int); INSERT INTO function VALUES (1);",
			[]Stmt{{"CREATE TABLE function (begin int)", 1}, {"INSERT INTO function VALUES (1)", 1}}},
		{"end inside string in body", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 'END;'; END; SELECT 2",
			[]Stmt{{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 'END;'; END", 1}, {"SELECT 2", 1}}},
		{"explicit block", "SELECT 1;\n-- +retort StatementBegin\nCREATE FUNCTION f() AS 'x; y';\nSELECT ';\n-- +retort StatementEnd\nSELECT 2;",
			[]Stmt{{"SELECT 1", 1}, {"CREATE FUNCTION f() AS 'x; y';\nSELECT '", 3}, {"SELECT 2", 6}}},
		{"explicit block flushes unterminated statement", "SELECT 1\n  -- +retort StatementBegin\n\n  X;\n-- +retort StatementEnd\n",
			[]Stmt{{"SELECT 1", 1}, {"X", 4}}},
		{"explicit block with an unterminated comment kept", "-- +retort StatementBegin\n/* x\n-- +retort StatementEnd\n", []Stmt{{"/* x", 2}}},
		{"empty explicit block dropped", "-- +retort StatementBegin\n-- only a comment\n-- +retort StatementEnd\n", nil},
		{"directive not at line start is a comment", "SELECT 1 -- +retort StatementEnd\n;", []Stmt{{"SELECT 1", 1}}},
		{"crlf", "SELECT 1;\r\nSELECT 2;\r\n", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"hash is an operator", "SELECT 1 # 2; SELECT 3", []Stmt{{"SELECT 1 # 2", 1}, {"SELECT 3", 1}}},
		{"numbers", "SELECT 1.5e3; SELECT 2", []Stmt{{"SELECT 1.5e3", 1}, {"SELECT 2", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SplitWith(tt.src, PostgreSQL)
			if err != nil {
				t.Fatalf("Split(%q): %v", tt.src, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestSplitWithDialects(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		src  string
		want []Stmt
	}{
		{"mysql backslash escape", MySQL, `INSERT INTO t VALUES ('it\'s;'); SELECT 2`, []Stmt{{`INSERT INTO t VALUES ('it\'s;')`, 1}, {"SELECT 2", 1}}},
		{"mysql double-quoted string", MySQL, `SELECT "a\";"; SELECT 2`, []Stmt{{`SELECT "a\";"`, 1}, {"SELECT 2", 1}}},
		{"mysql conditional comment kept", MySQL, "/*!40101 SET NAMES utf8 */;\nSELECT 1;", []Stmt{{"/*!40101 SET NAMES utf8 */", 1}, {"SELECT 1", 2}}},
		{"mysql backtick identifier", MySQL, "CREATE TABLE `a;b` (`c``;` int);", []Stmt{{"CREATE TABLE `a;b` (`c``;` int)", 1}}},
		{"sqlite backtick identifier", SQLite, "CREATE TABLE `a;b` (`c``;` int);", []Stmt{{"CREATE TABLE `a;b` (`c``;` int)", 1}}},
		{"mysql hash comment", MySQL, "SELECT 1 # x;\n; SELECT 2", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"mysql flat comment", MySQL, "SELECT /* /* */ 1; SELECT 2", []Stmt{{"SELECT /* /* */ 1", 1}, {"SELECT 2", 1}}},
		{"sqlite flat comment", SQLite, "SELECT /* /* */ 1; SELECT 2", []Stmt{{"SELECT /* /* */ 1", 1}, {"SELECT 2", 1}}},
		{"sqlite bracket identifier", SQLite, "CREATE TABLE [a;\nb] ([c'] int); SELECT 2", []Stmt{{"CREATE TABLE [a;\nb] ([c'] int)", 1}, {"SELECT 2", 2}}},
		{"postgres brackets are subscripts", PostgreSQL, "SELECT a[1]; SELECT 2", []Stmt{{"SELECT a[1]", 1}, {"SELECT 2", 1}}},
		{"sqlite dollar is a parameter", SQLite, "SELECT $a$; SELECT $b", []Stmt{{"SELECT $a$", 1}, {"SELECT $b", 1}}},
		{"mysql trigger", MySQL, "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a < 0 THEN SET NEW.a = 0; END IF; END;\nSELECT 1",
			[]Stmt{{"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a < 0 THEN SET NEW.a = 0; END IF; END", 1}, {"SELECT 1", 2}}},
		{"mysql alter event body", MySQL, "ALTER EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;\nALTER TABLE begin_t ADD c INT; SELECT 2",
			[]Stmt{{"ALTER EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END", 1}, {"ALTER TABLE begin_t ADD c INT", 2}, {"SELECT 2", 2}}},
		{"mysql delimiter", MySQL, "SELECT 1;\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT end FROM t; END//\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 2; //\ndelimiter ;\nSELECT 3;",
			[]Stmt{{"SELECT 1", 1}, {"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT end FROM t; END", 3}, {"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 2", 4}, {"SELECT 3", 6}}},
		{"mysql delimiter $$ at end of file", MySQL, "DELIMITER $$\nCREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END $$\nSELECT 2",
			[]Stmt{{"CREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END", 2}, {"SELECT 2", 3}}},
		{"mysql delimiter inside a string is text", MySQL, "DELIMITER //\nSELECT '//';//\nSELECT 2//",
			[]Stmt{{"SELECT '//'", 2}, {"SELECT 2", 3}}},
		{"mysql column named delimiter", MySQL, "SELECT 1 FROM t WHERE\ndelimiter = 2; SELECT 3",
			[]Stmt{{"SELECT 1 FROM t WHERE\ndelimiter = 2", 1}, {"SELECT 3", 2}}},
		{"postgres has no delimiter command", PostgreSQL, "DELIMITER //\nSELECT 1;",
			[]Stmt{{"DELIMITER //\nSELECT 1", 1}}},
		{"postgres backtick is an operator character", PostgreSQL, "SELECT 1 `; SELECT ` 2",
			[]Stmt{{"SELECT 1 `", 1}, {"SELECT ` 2", 1}}},
		{"mysql -- needs a blank", MySQL, "SELECT 1 --1; SELECT 2 -- x;\n;",
			[]Stmt{{"SELECT 1 --1", 1}, {"SELECT 2", 1}}},
		{"mysql -- at the end is a comment", MySQL, "SELECT 1 --", []Stmt{{"SELECT 1", 1}}},
		{"mysql -- before a tab", MySQL, "SELECT 1 --\t;\n;", []Stmt{{"SELECT 1", 1}}},
		{"mariadb executable comment kept at the end", MySQL, "CREATE TABLE t (a int) /*M!100100 PAGE_CHECKSUM=1 */;",
			[]Stmt{{"CREATE TABLE t (a int) /*M!100100 PAGE_CHECKSUM=1 */", 1}}},
		{"mysql executable comment reads strings", MySQL, "/*!40101 SET @a = '*/;' */; SELECT 2",
			[]Stmt{{"/*!40101 SET @a = '*/;' */", 1}, {"SELECT 2", 1}}},
		{"mysql executable comment keeps its ;", MySQL, "/*!50003 CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END */;\nSELECT 2",
			[]Stmt{{"/*!50003 CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END */", 1}, {"SELECT 2", 2}}},
		{"postgres /*! is a comment", PostgreSQL, "/*!40101 SET x */; SELECT 1", []Stmt{{"SELECT 1", 1}}},
		{"mysql delimiter after a word", MySQL, "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nSELECT 2$$",
			[]Stmt{{"CREATE PROCEDURE p() BEGIN SELECT 1; END", 2}, {"SELECT 2", 3}}},
		{"pg_dump restrict lines skipped", PostgreSQL, "\\restrict 4CHYzk\n\n-- dumped\nSET a = 1;\nCREATE TABLE t (id int);\n\n\\unrestrict 4CHYzk\n",
			[]Stmt{{"SET a = 1", 4}, {"CREATE TABLE t (id int)", 5}}},
		{"restrict line after a statement", PostgreSQL, "SELECT 1; \\restrict k\nSELECT 2;", []Stmt{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"backslash inside a statement is the server's", PostgreSQL, "SELECT 1\n\\restrict k\n;", []Stmt{{"SELECT 1\n\\restrict k", 1}}},
		{"backslash in a string", PostgreSQL, "SELECT '\\connect x';", []Stmt{{"SELECT '\\connect x'", 1}}},
		{"mysql has no psql meta-commands", MySQL, "\\restrict k\n;", []Stmt{{"\\restrict k", 1}}},
		{"copy from a server file or to stdout", PostgreSQL, "COPY t FROM '/tmp/stdin'; COPY t TO STDOUT; COPY \"from\" (stdin) FROM '/x'",
			[]Stmt{{"COPY t FROM '/tmp/stdin'", 1}, {"COPY t TO STDOUT", 1}, {`COPY "from" (stdin) FROM '/x'`, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SplitWith(tt.src, tt.o)
			if err != nil {
				t.Fatalf("SplitWith(%q): %v", tt.src, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitWith(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		src  string
		line int
		msg  string
	}{
		{"string", PostgreSQL, "SELECT 1;\nSELECT 'abc;\n\n", 2, "unterminated quoted string"},
		{"E string escaped quote", PostgreSQL, `SELECT E'abc\'`, 1, "unterminated quoted string"},
		{"identifier", PostgreSQL, "\n\nSELECT \"abc", 3, "unterminated quoted identifier"},
		{"backtick", MySQL, "SELECT `abc", 1, "unterminated backtick-quoted identifier"},
		{"block comment", PostgreSQL, "SELECT 1;\n/* a\n b", 2, "unterminated block comment"},
		{"nested block comment", PostgreSQL, "/* a /* b */", 1, "unterminated block comment"},
		{"dollar", PostgreSQL, "SELECT 1;\n\nDO $x$ BEGIN $$ END", 3, "unterminated dollar-quoted string $x$"},
		{"body", PostgreSQL, "SELECT 1;\nCREATE TRIGGER tr AFTER INSERT ON t\nBEGIN SELECT 1;", 3, "unterminated BEGIN ... END body"},
		{"body nested case", PostgreSQL, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT CASE WHEN 1 THEN 2; END;", 1, "unterminated BEGIN ... END body"},
		{"block without end", PostgreSQL, "SELECT 1;\n-- +retort StatementBegin\nSELECT 2;", 2, "StatementBegin without a StatementEnd"},
		{"end without begin", PostgreSQL, "SELECT 1;\n\n-- +retort StatementEnd\n", 3, "StatementEnd without a StatementBegin"},
		{"unknown directive", PostgreSQL, "-- +retort StatementBgin\n", 1, "unknown directive"},
		{"nested begin", PostgreSQL, "-- +retort StatementBegin\n-- +retort StatementBegin\n", 2, "inside the StatementBegin block of line 1"},
		{"directive inside body", PostgreSQL, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n-- +retort StatementBegin\n", 1, "unterminated BEGIN ... END body"},
		{"sqlite bracket", SQLite, "SELECT 1;\nSELECT [a", 2, "unterminated bracket-quoted identifier"},
		{"mysql string", MySQL, `SELECT 'a\'`, 1, "unterminated quoted string"},
		{"mysql double-quoted string", MySQL, `SELECT "a`, 1, "unterminated quoted string"},
		{"mysql executable comment", MySQL, "SELECT 1;\n/*!40101 SET @a = '*/' ", 2, "unterminated block comment"},
		{"mysql delimiter with two words", MySQL, "SELECT 1;\nDELIMITER // x\n", 2, "DELIMITER takes one delimiter"},
		{"psql meta-command", PostgreSQL, "SELECT 1;\n\\connect other\nSELECT 2;", 2, `psql meta-command \connect is not SQL`},
		{"psql include", PostgreSQL, "  \\i other.sql\n", 1, `psql meta-command \i is not SQL`},
		{"bare backslash", PostgreSQL, "\\\n", 1, `psql meta-command \ is not SQL`},
		{"copy from stdin with its rows", PostgreSQL, "CREATE TABLE t (a int);\n\nCOPY public.t (a) FROM stdin;\n1\n2\n\\.\n", 3, "COPY ... FROM STDIN reads its rows from the client"},
		{"copy from stdin last", PostgreSQL, "copy t from STDIN with (format csv)", 1, "COPY ... FROM STDIN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SplitWith(tt.src, tt.o)
			if err == nil {
				t.Fatalf("SplitWith(%q) = %+v, want error", tt.src, got)
			}
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not *Error", err)
			}
			if se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("error = %q (line %d), want line %d containing %q", err, se.Line, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("error %q does not start with its line", err)
			}
		})
	}
}

// FuzzSplit checks invariants: no panic, statements appear in order as
// substrings of the source, none is empty, lines are in range, and
// splitting the rejoined statements gives them back.
func FuzzSplit(f *testing.F) {
	seeds := []string{
		"SELECT 1; SELECT 2",
		"SELECT 'a;b'; SELECT \"c;\"; SELECT `d;`",
		"SELECT E'a\\';'; -- c;\n/* x /* y */ ; */ SELECT 3",
		"DO $t$ ; $t$; SELECT $1;",
		"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END; BEGIN; COMMIT;",
		"-- +retort StatementBegin\nSELECT 1;\n-- +retort StatementEnd\nSELECT 2",
		"CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; END; BEGIN NOT ATOMIC SELECT 1; END",
		"/*!40101 SET x=1 */; # y;\n",
		"DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END;//\n;//\nDELIMITER ;\nSELECT 2",
		"\\restrict k\nCOPY t FROM stdin;\n1\n\\.\n\\unrestrict k\n",
	}
	for _, s := range seeds {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Add("CREATE TABLE [a;b] (x int); SELECT 1", uint8(2))
	f.Fuzz(func(t *testing.T, src string, dialect uint8) {
		o := []Options{PostgreSQL, MySQL, SQLite}[dialect%3]
		stmts, err := SplitWith(src, o)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Line < 1 || se.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		lines := strings.Count(src, "\n") + 1
		cursor := 0
		var sqls []string
		for _, st := range stmts {
			// SQL whitespace is ASCII; U+0085 and friends are identifier bytes.
			trimmed := strings.Trim(st.SQL, " \t\r\n\f\v")
			if trimmed == "" {
				t.Fatalf("empty statement in %+v", stmts)
			}
			if st.SQL != trimmed {
				t.Fatalf("statement %q is not trimmed", st.SQL)
			}
			k := strings.Index(src[cursor:], st.SQL)
			if k < 0 {
				t.Fatalf("statement %q is not a substring of the source after offset %d", st.SQL, cursor)
			}
			cursor += k + len(st.SQL)
			if st.Line < 1 || st.Line > lines {
				t.Fatalf("statement %q line %d out of range 1..%d", st.SQL, st.Line, lines)
			}
			sqls = append(sqls, st.SQL)
		}
		if strings.Contains(strings.ToLower(src), "+retort") || strings.Contains(strings.ToLower(src), "delimiter") {
			return // explicit blocks and DELIMITER statements keep their ';' and need not re-split alike
		}
		for _, q := range sqls {
			if o.DashCommentBlank && strings.HasSuffix(q, "--") {
				return // MySQL: "--" before ';' is code, at the end a comment (both hide nothing)
			}
		}
		again, err := SplitWith(strings.Join(sqls, ";\n"), o)
		if err != nil {
			t.Fatalf("rejoined statements do not split: %v", err)
		}
		if len(again) != len(sqls) {
			t.Fatalf("rejoined %q split into %d statements, want %d", sqls, len(again), len(sqls))
		}
		for i := range again {
			if again[i].SQL != sqls[i] {
				t.Fatalf("rejoined statement %d = %q, want %q", i, again[i].SQL, sqls[i])
			}
		}
	})
}
