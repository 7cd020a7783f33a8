package mysql

import (
	"context"
	"database/sql"
	"regexp"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// A dump writes each view, trigger, routine and event with the account
// that made it (DEFINER=`root`@`localhost`). Naming another account than
// one's own needs SET USER (SUPER on MySQL), which the account retort
// loads with need not hold, and no definer is compared: reflection
// leaves it out. So the scratch load drops the clause, and the objects
// belong to the loading account.

// loadConn runs the schema files' statements without their DEFINER
// clause.
type loadConn struct{ *sql.Conn }

func (c loadConn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.Conn.ExecContext(ctx, withoutDefiner(query), args...)
}

// definedKinds are the objects whose CREATE takes a DEFINER.
var definedKinds = map[string]bool{"VIEW": true, "TRIGGER": true, "PROCEDURE": true, "FUNCTION": true, "EVENT": true}

// accountPart is a user or host name: quoted with `, ' or ", or bare.
const accountPart = "(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"|[\\w$.%-]+)"

var definerClause = regexp.MustCompile(`(?i)\bDEFINER\s*=\s*(?:CURRENT_USER(?:\s*\(\s*\))?|` + accountPart + `(?:\s*@\s*` + accountPart + `)?)`)

// withoutDefiner returns stmt without the DEFINER clause of a CREATE of
// a view, trigger, routine or event, which comes before the object's
// kind; any other statement, and the body, unchanged.
func withoutDefiner(stmt string) string {
	if !strings.Contains(strings.ToUpper(stmt), "DEFINER") {
		return stmt // most statements: no second lexing
	}
	toks := sqlsplit.Tokens(stmt, Dialect{}.SplitOptions())
	if len(toks) == 0 || !strings.EqualFold(toks[0].Text, "CREATE") {
		return stmt
	}
	for i, t := range toks {
		switch {
		case !t.Word || t.Quoted:
		case definedKinds[strings.ToUpper(t.Text)]:
			return stmt
		case strings.EqualFold(t.Text, "DEFINER") && i+1 < len(toks) && toks[i+1].Text == "=":
			if loc := definerClause.FindStringIndex(stmt); loc != nil {
				return stmt[:loc[0]] + stmt[loc[1]:]
			}
			return stmt
		}
	}
	return stmt
}
