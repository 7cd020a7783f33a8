package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// pgGlobalKinds are the objects of the whole server (the cluster), not of
// the database a statement runs in.
var pgGlobalKinds = map[string]bool{"ROLE": true, "USER": true, "GROUP": true, "DATABASE": true, "TABLESPACE": true}

// LoadGuard implements dialect.LoadGuarder: a schema file must not create,
// change or drop what belongs to the whole server (roles, databases,
// tablespaces, role memberships, server settings), start replication
// (subscriptions) or run programs on the server (COPY ... PROGRAM), since
// its load would do so on the real server.
func (Dialect) LoadGuard(context.Context, dialect.Querier) (func(string) error, error) {
	return pgLoadGuard, nil
}

func pgLoadGuard(stmt string) error {
	toks := sqlsplit.Tokens(stmt, Dialect{}.SplitOptions())
	w := dialect.LeadingWords(toks, 5)
	if dialect.CreatesTemporary(w) {
		return dialect.ErrTemporary
	}
	if len(w) == 0 {
		return nil
	}
	at := func(i int) string {
		if i < len(w) {
			return w[i]
		}
		return ""
	}
	refuse := func(what string) error {
		return fmt.Errorf("%s changes the whole server, not only the scratch database retort loads the desired schema into; keep it out of the desired schema", what)
	}
	switch at(0) {
	case "CREATE", "ALTER", "DROP":
		kind := at(1)
		if kind == "USER" && at(2) == "MAPPING" {
			return nil // of a foreign server of this database
		}
		if pgGlobalKinds[kind] || kind == "SUBSCRIPTION" || (at(0) == "ALTER" && kind == "SYSTEM") {
			return refuse(at(0) + " " + kind)
		}
	case "GRANT", "REVOKE":
		for _, t := range toks {
			if t.Word && !t.Quoted && strings.EqualFold(t.Text, "ON") {
				return nil // privileges on objects of this database
			}
		}
		return refuse(at(0) + " of a role membership")
	case "COMMENT", "SECURITY":
		// COMMENT ON ROLE r, SECURITY LABEL [FOR p] ON DATABASE d ...
		for i, t := range toks {
			if t.Word && !t.Quoted && strings.EqualFold(t.Text, "ON") && i+1 < len(toks) {
				if k := strings.ToUpper(toks[i+1].Text); !toks[i+1].Quoted && pgGlobalKinds[k] {
					return refuse(at(0) + " ON " + k)
				}
				break
			}
		}
	case "DO":
		// The usual idiom creates a role when missing: look inside the body.
		for _, code := range pgDoCode(stmt) {
			bt := sqlsplit.Tokens(code, Dialect{}.SplitOptions())
			for i := 0; i+1 < len(bt); i++ {
				a, b := strings.ToUpper(bt[i].Text), strings.ToUpper(bt[i+1].Text)
				if bt[i].Quoted || bt[i+1].Quoted {
					continue
				}
				if (a == "CREATE" || a == "ALTER" || a == "DROP") && (pgGlobalKinds[b] || b == "SUBSCRIPTION") && !(b == "USER" && i+2 < len(bt) && strings.EqualFold(bt[i+2].Text, "MAPPING")) {
					return refuse("DO with " + a + " " + b)
				}
				if a == "ALTER" && b == "SYSTEM" {
					return refuse("DO with ALTER SYSTEM")
				}
			}
		}
	case "COPY":
		for _, t := range toks {
			if t.Word && !t.Quoted && strings.EqualFold(t.Text, "PROGRAM") {
				return errors.New("COPY ... PROGRAM runs a program on the database server; keep it out of the desired schema")
			}
		}
	}
	return nil
}
