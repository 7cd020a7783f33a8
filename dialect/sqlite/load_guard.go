package sqlite

import (
	"context"
	"errors"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// LoadGuard implements dialect.LoadGuarder: ATTACH opens (and creates) a
// database file, and VACUUM INTO writes one, so a schema file doing
// either would write files while retort only loads it into memory.
func (Dialect) LoadGuard(context.Context, dialect.Querier) (func(string) error, error) {
	return liteLoadGuard, nil
}

func liteLoadGuard(stmt string) error {
	toks := sqlsplit.Tokens(stmt, Dialect{}.SplitOptions())
	w := dialect.LeadingWords(toks, 5)
	if dialect.CreatesTemporary(w) {
		return dialect.ErrTemporary
	}
	if len(w) == 0 {
		return nil
	}
	switch {
	case w[0] == "ATTACH" || w[0] == "DETACH":
		return errors.New(w[0] + " opens or closes another database file; retort loads the desired schema into one in-memory database, so keep it out of the desired schema")
	case w[0] == "VACUUM":
		for _, t := range toks {
			if t.Word && !t.Quoted && strings.EqualFold(t.Text, "INTO") {
				return errors.New("VACUUM INTO writes a database file; keep it out of the desired schema")
			}
		}
	}
	return nil
}
