package hint

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/sqlsplit"
)

// readingCases are files where a dialect's lexing decides which column a
// hint is on: PostgreSQL's (the zero Options) or MySQL's. TestScan checks
// the hints; TestServerReadsColumnsAlike that the server reads the same
// columns. setup runs on the server first.
var readingCases = []scanCase{
	{name: "mysql: 1--1 is code, the comma after it too", opts: sqlsplit.MySQL,
		src:  "CREATE TABLE t (\n  a int DEFAULT (1--1),\n  b int -- retort:renamed-from c\n);",
		want: []string{"3 t.b<-c"}},
	{name: "postgres: --1 is a comment", src: "CREATE TABLE t (\n  a int DEFAULT 1 --1, b int\n  , b int -- retort:renamed-from c\n);",
		want: []string{"3 t.b<-c"}},
	{name: "mysql: a double-quoted table name is a string", opts: sqlsplit.MySQL,
		src: "CREATE TABLE \"t\" ( -- retort:renamed-from u\n  a int\n);",
		err: "1: \"-- retort:renamed-from\" is neither"},
	{name: "mysql: a double-quoted column name is a string", opts: sqlsplit.MySQL,
		src: "CREATE TABLE t (\n  \"a\" int -- retort:renamed-from b\n);",
		err: "2: \"-- retort:renamed-from\" is neither"},
	{name: "postgres: a backtick is an operator", src: "CREATE TABLE t (\n  a int CHECK (a ` 10),\n  b int -- retort:renamed-from c\n);",
		want: []string{"3 t.b<-c"}},
	{name: "mysql: an executable comment is code", opts: sqlsplit.MySQL,
		src:  "CREATE TABLE t (\n  a int /*!50000 ,\n  b int -- retort:renamed-from c\n  */\n);",
		want: []string{"3 t.b<-c"}},
	{name: "mysql: a column in an executable comment shares the line", opts: sqlsplit.MySQL,
		src: "CREATE TABLE t (\n  a int /*!, b int */ -- retort:renamed-from c\n);",
		err: "2: a rename hint on a line with several columns is ambiguous"},
	{name: "mysql: a table in an executable comment", opts: sqlsplit.MySQL,
		src:  "-- retort:renamed-from u\n/*!50000 CREATE TABLE t (\n  b int -- retort:renamed-from a\n) */;",
		want: []string{"3 t.b<-a", "1 t<-u"}},
	{name: "postgres: /*! is a comment", src: "CREATE TABLE t (\n  a int /*! ,\n  b int -- retort:renamed-from c\n  */\n);",
		want: nil},
}

// readingSetup is what a case's table needs on the server first.
var readingSetup = map[string][]string{
	"postgres: a backtick is an operator": {
		"CREATE FUNCTION lt(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 < $2'",
		"CREATE OPERATOR ` (FUNCTION = lt, LEFTARG = int, RIGHTARG = int)",
	},
}

// TestServerReadsColumnsAlike creates each reading case's table on its
// server: the server's columns are the ones hint reads between the
// commas, in order, and where hint reads no table or a column without
// a name the server refuses the statement.
func TestServerReadsColumnsAlike(t *testing.T) {
	for _, tc := range readingCases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := sqlsplit.SplitWith(tc.src, tc.opts)
			if err != nil || len(stmts) != 1 {
				t.Fatalf("want one statement, got %d (%v)", len(stmts), err)
			}
			table, cols := readColumns(stmts[0].SQL, tc.opts)
			db, colsQuery := openServer(t, tc.opts)
			ctx := context.Background()
			for _, q := range readingSetup[tc.name] {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatalf("setup %q: %v", q, err)
				}
			}
			_, err = db.ExecContext(ctx, stmts[0].SQL)
			if cols == nil {
				if err == nil {
					t.Fatalf("hint reads no table with named columns, the server created one")
				}
				return
			}
			if err != nil {
				t.Fatalf("hint reads %s(%s), the server refused: %v", table, strings.Join(cols, ", "), err)
			}
			rows, err := db.QueryContext(ctx, colsQuery, table)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var got []string
			for rows.Next() {
				var c string
				if err := rows.Scan(&c); err != nil {
					t.Fatal(err)
				}
				got = append(got, c)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(cols) {
				t.Errorf("the server's columns of %s are %q, hint reads %q", table, got, cols)
			}
		})
	}
}

// readColumns returns the table a CREATE TABLE names and its columns as
// hint reads them; nil columns when it reads no table or an element with
// no name.
func readColumns(stmt string, o sqlsplit.Options) (string, []string) {
	toks := lex(stmt, 1, o)
	table, open := createTable(toks)
	if table == "" {
		return "", nil
	}
	cols := []string{}
	for _, e := range elements(toks, open) {
		switch {
		case e.name == "":
			return table, nil
		case !e.constraint:
			cols = append(cols, e.name)
		}
	}
	return table, cols
}

// openServer opens a fresh database of the dialect o lexes (MySQL's, or
// PostgreSQL's) and returns the query listing a table's columns.
func openServer(t *testing.T, o sqlsplit.Options) (*sql.DB, string) {
	t.Helper()
	driver, dsn, q := "pgx", "", "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
	if o == sqlsplit.MySQL {
		driver, dsn = "mysql", testdb.MySQLDSN(testdb.MySQL(t))
		q = "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position"
	} else {
		dsn = testdb.Postgres(t).String()
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, q
}
