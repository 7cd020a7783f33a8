package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// internalTables are the tables SQLite makes itself: sqlite_sequence with
// the first AUTOINCREMENT table, the sqlite_stat ones with ANALYZE.
var internalTables = map[string]bool{"sqlite_sequence": true, "sqlite_stat1": true, "sqlite_stat2": true, "sqlite_stat3": true, "sqlite_stat4": true}

// loadConn runs a schema file's statements except the CREATE TABLE of an
// internal table: `sqlite3 app.db .schema` prints theirs, and SQLite
// refuses it ("object name reserved for internal use"). Reflection
// leaves them out either way.
type loadConn struct{ *sql.Conn }

func (c loadConn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if createsInternalTable(query) {
		return driver.RowsAffected(0), nil
	}
	return c.Conn.ExecContext(ctx, query, args...)
}

// createsInternalTable matches CREATE TABLE [IF NOT EXISTS] name (...)
// with name an internal table's, as .schema writes it.
func createsInternalTable(stmt string) bool {
	if !strings.Contains(strings.ToLower(stmt), "sqlite_") {
		return false // most statements: no second lexing
	}
	toks := sqlsplit.Tokens(stmt, Dialect{}.SplitOptions())
	w := dialect.LeadingWords(toks, 2)
	if len(w) < 2 || w[0] != "CREATE" || w[1] != "TABLE" {
		return false
	}
	toks = toks[2:]
	if len(toks) > 3 && strings.EqualFold(toks[0].Text, "IF") && !toks[0].Quoted {
		toks = toks[3:]
	}
	return len(toks) > 1 && toks[0].Word && internalTables[strings.ToLower(toks[0].Text)] && toks[1].Text == "("
}
