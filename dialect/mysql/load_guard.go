package mysql

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// myGlobalKinds are objects of the whole server, not of one database.
var myGlobalKinds = map[string]bool{"DATABASE": true, "SCHEMA": true, "USER": true, "ROLE": true, "SERVER": true, "TABLESPACE": true, "LOGFILE": true}

// myServerStatements change the server, its replication or its grant
// tables whatever database the session uses.
var myServerStatements = map[string]bool{"GRANT": true, "REVOKE": true, "FLUSH": true, "INSTALL": true, "UNINSTALL": true,
	"SHUTDOWN": true, "KILL": true, "PURGE": true, "RESET": true, "CHANGE": true, "USE": true}

// LoadGuard implements dialect.LoadGuarder. On MySQL a qualified name
// reaches any database of the server, the live one included, and USE
// moves the load there; server objects (users, databases, grants) and
// settings are the whole server's. A schema file that does any of that
// is refused before it runs. Names are compared without case: a table
// alias that happens to equal a database name is refused too, which the
// message explains, rather than risk writing to that database.
func (Dialect) LoadGuard(ctx context.Context, q dialect.Querier) (func(string) error, error) {
	var current, version string
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(DATABASE(), ''), VERSION()`).Scan(&current, &version); err != nil {
		return nil, fmt.Errorf("read the current database: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME NOT IN ('information_schema', 'performance_schema')`)
	if err != nil {
		return nil, fmt.Errorf("list the server's databases: %w", err)
	}
	defer rows.Close()
	others := map[string]string{} // lower-cased name -> name
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("list the server's databases: %w", err)
		}
		if name != current {
			others[strings.ToLower(name)] = name
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list the server's databases: %w", err)
	}
	runs := execRuns(version)
	return func(stmt string) error { return myLoadGuard(stmt, others, runs) }, nil
}

// myLoadGuard reads the statement with every executable comment as
// code, and as the server runs it, without the ones for a later version:
// either reading can hide a statement's first words from the other (the
// first line of a mariadb-dump file, "/*M!999999\- enable the sandbox
// mode */", is code to the first and nothing to the server). Both are
// read under each of myLexings.
func myLoadGuard(stmt string, others map[string]string, runs func(marker string) bool) error {
	for _, o := range myLexings {
		toks := sqlsplit.Tokens(stmt, o)
		if err := guardTokens(toks, others); err != nil {
			return err
		}
		if ran := serverCode(toks, runs); len(ran) < len(toks) {
			if err := guardTokens(ran, others); err != nil {
				return err
			}
		}
	}
	return nil
}

// myLexings read "..." as a string (the default sql_mode) and as a
// quoted name (ANSI_QUOTES, which a file may switch on, as a dump made
// with --compatible=ansi does, and under which "db".t is a table of
// another database). The guard runs before any statement, so it cannot
// know which applies. A string followed by ".name" is invalid in the
// default mode, so the second reading refuses nothing valid there.
var myLexings = func() []sqlsplit.Options {
	ansi := Dialect{}.SplitOptions()
	ansi.DoubleQuoteStrings = false
	return []sqlsplit.Options{Dialect{}.SplitOptions(), ansi}
}()

// fromDump says where a dump's CREATE DATABASE and USE come from.
const fromDump = " (mysqldump and mariadb-dump write it with --databases or --all-databases: dump the one database without them)"

func guardTokens(toks []sqlsplit.Token, others map[string]string) error {
	w := dialect.LeadingWords(toks, 5)
	if dialect.CreatesTemporary(w) {
		return dialect.ErrTemporary
	}
	if len(w) > 2 && w[1] == "OR" && w[2] == "REPLACE" {
		w = append(w[:1:1], w[3:]...)
	}
	at := func(i int) string {
		if i < len(w) {
			return w[i]
		}
		return ""
	}
	server := func(what string) error {
		return fmt.Errorf("%s changes the whole server, not only the scratch database retort loads the desired schema into; keep it out of the desired schema", what)
	}
	switch {
	case at(0) == "USE":
		return errors.New("USE would move the load of the desired schema out of its scratch database into a real one; keep it out of the desired schema" + fromDump)
	case myServerStatements[at(0)]:
		return server(at(0))
	case at(0) == "CREATE" && (at(1) == "DATABASE" || at(1) == "SCHEMA"):
		return fmt.Errorf("%w%s", server("CREATE "+at(1)), fromDump)
	case (at(0) == "CREATE" || at(0) == "ALTER" || at(0) == "DROP") && myGlobalKinds[at(1)]:
		return server(at(0) + " " + at(1))
	case at(0) == "RENAME" && at(1) == "USER":
		return server("RENAME USER")
	case (at(0) == "START" || at(0) == "STOP") && (at(1) == "SLAVE" || at(1) == "REPLICA" || at(1) == "ALL"):
		return server(at(0) + " " + at(1))
	case at(0) == "SET" && (at(1) == "GLOBAL" || at(1) == "PERSIST" || at(1) == "PERSIST_ONLY" || at(1) == "PASSWORD" || at(1) == "DEFAULT"):
		return server("SET " + at(1))
	}
	for i, t := range toks {
		switch {
		case i+2 < len(toks) && t.Text == "@" && toks[i+1].Text == "@" && toks[i+2].Word && strings.EqualFold(toks[i+2].Text, "GLOBAL"):
			if i+4 < len(toks) && strings.EqualFold(toks[i+4].Text, "GTID_PURGED") {
				return fmt.Errorf("%w (mysqldump writes it for a server with GTIDs: dump with --set-gtid-purged=OFF)", server("SET @@GLOBAL.GTID_PURGED"))
			}
			return server("SET @@GLOBAL")
		case t.Word && !t.Quoted && strings.EqualFold(t.Text, "INTO") && i+1 < len(toks) &&
			(strings.EqualFold(toks[i+1].Text, "OUTFILE") || strings.EqualFold(toks[i+1].Text, "DUMPFILE")):
			return errors.New("SELECT ... INTO OUTFILE writes a file on the database server; keep it out of the desired schema")
		case t.Word && i+2 < len(toks) && toks[i+1].Text == "." && toks[i+2].Word && (i == 0 || toks[i-1].Text != "."):
			if db, ok := others[strings.ToLower(t.Text)]; ok {
				return fmt.Errorf("%s.%s names database %s: the desired schema is loaded into a scratch database, from which a qualified name would reach the real database %s on the server; write the name unqualified (retort manages one database)",
					t.Text, toks[i+2].Text, db, db)
			}
		}
	}
	return nil
}
