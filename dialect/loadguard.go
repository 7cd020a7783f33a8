package dialect

import (
	"context"
	"errors"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// A desired schema is loaded into a scratch (or dev) database on a real
// server, and a statement there can reach past it: a role or database is
// the whole server's, and on MySQL a qualified name reaches any database,
// the live one included. Such statements are refused before any statement
// of the file runs.

// LoadGuarder is implemented by dialects whose loads must refuse such
// statements. LoadGuard returns the check for one load on q: nil for a
// statement that stays in the scratch database, else the reason.
type LoadGuarder interface {
	LoadGuard(ctx context.Context, q Querier) (func(stmt string) error, error)
}

// LeadingWords returns the statement's first n tokens upper-cased, up to
// its first punctuation. The tokens are sqlsplit.Tokens read with the
// dialect's SplitOptions, so a guard reads a statement as the splitter
// that cut it did.
func LeadingWords(toks []sqlsplit.Token, n int) []string {
	var out []string
	for _, t := range toks {
		if !t.Word || t.Quoted || len(out) == n {
			break
		}
		out = append(out, strings.ToUpper(t.Text))
	}
	return out
}

// ErrTemporary is a guard's refusal of a temporary object: it lasts one
// session, so no database ever holds it for a comparison.
var ErrTemporary = errors.New("a temporary object lasts only its session, so the desired schema cannot hold one; write it without TEMP/TEMPORARY or leave it out")

// CreatesTemporary reports whether leading words (LeadingWords) create a
// temporary object: CREATE [OR REPLACE] [GLOBAL|LOCAL] TEMP|TEMPORARY ...
func CreatesTemporary(words []string) bool {
	if len(words) == 0 || words[0] != "CREATE" {
		return false
	}
	for _, w := range words[1:] {
		switch w {
		case "OR", "REPLACE", "GLOBAL", "LOCAL":
		case "TEMP", "TEMPORARY":
			return true
		default:
			return false
		}
	}
	return false
}
