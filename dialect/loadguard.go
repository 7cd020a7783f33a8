package dialect

import (
	"context"
	"errors"
	"strings"
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

// Token is one word or punctuation character of a statement, with
// strings, numbers and comments left out.
type Token struct {
	Text   string // an identifier as written inside its quotes, or one punctuation character
	Word   bool   // an identifier or keyword
	Quoted bool   // a quoted identifier
}

// TokenOptions are a dialect's lexical rules.
type TokenOptions struct {
	Backticks        bool // `ident` (MySQL)
	DoubleQuoteIdent bool // "ident" (PostgreSQL; on MySQL a string)
	Backslash        bool // \ escapes inside strings (MySQL)
	HashComments     bool // # to the end of the line (MySQL)
	DollarQuotes     bool // $tag$ ... $tag$ strings (PostgreSQL)
	FlatComments     bool // a block comment ends at the first */ (MySQL, SQLite); else they nest
	// ExecComments reads /*! ... */ and /*M! ... */ as code (MySQL).
	ExecComments bool
}

// Tokens splits sql into words and punctuation.
func Tokens(sql string, o TokenOptions) []Token {
	var out []Token
	i, n := 0, len(sql)
	for i < n {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < n && sql[i+1] == '-', o.HashComments && c == '#':
			for i < n && sql[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && sql[i+1] == '*':
			if o.ExecComments && i+2 < n && (sql[i+2] == '!' || (sql[i+2] == 'M' && i+3 < n && sql[i+3] == '!')) {
				i += 3
				if sql[i-1] == 'M' {
					i++
				}
				for i < n && sql[i] >= '0' && sql[i] <= '9' {
					i++ // the version
				}
				continue
			}
			i = skipBlockComment(sql, i, o.FlatComments)
		case o.ExecComments && c == '*' && i+1 < n && sql[i+1] == '/':
			i += 2 // the end of an executable comment
		case c == '\'' || (c == '"' && !o.DoubleQuoteIdent):
			i = skipQuoted(sql, i, c, o.Backslash)
		case c == '"' || (c == '`' && o.Backticks):
			end := skipQuoted(sql, i, c, false)
			body := sql[i+1 : max(i+1, end-1)]
			out = append(out, Token{Text: strings.ReplaceAll(body, string([]byte{c, c}), string(c)), Word: true, Quoted: true})
			i = end
		case o.DollarQuotes && c == '$' && dollarTag(sql[i:]) != "":
			tag := dollarTag(sql[i:])
			end := strings.Index(sql[i+len(tag):], tag)
			if end < 0 {
				return out
			}
			i += len(tag) + end + len(tag)
		case isWordByte(c):
			j := i
			for j < n && (isWordByte(sql[j]) || sql[j] == '$') {
				j++
			}
			w := sql[i:j]
			if !isNumber(w) {
				out = append(out, Token{Text: w, Word: true})
			} else if j < n && sql[j] == '.' {
				j++ // 1.5: no qualifier
				for j < n && isWordByte(sql[j]) {
					j++
				}
			}
			i = j
		default:
			out = append(out, Token{Text: string(c)})
			i++
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// skipQuoted returns the index after the quoted text starting at i, where
// a doubled quote (and with backslash, \x) stays inside.
func skipQuoted(s string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslash && s[j] == '\\':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}

// skipBlockComment returns the index after the comment at i, nested
// unless flat.
func skipBlockComment(s string, i int, flat bool) int {
	depth := 0
	for j := i; j+1 < len(s); j++ {
		switch {
		case s[j] == '/' && s[j+1] == '*' && (depth == 0 || !flat):
			depth++
			j++
		case s[j] == '*' && s[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

// dollarTag returns the $tag$ s starts with, or "".
func dollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '$':
			if j > 1 && s[1] >= '0' && s[1] <= '9' {
				return "" // $1: a parameter
			}
			return s[:j+1]
		case !(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')):
			return ""
		}
	}
	return ""
}

// LeadingWords returns the statement's first n tokens upper-cased, up to
// its first punctuation.
func LeadingWords(toks []Token, n int) []string {
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
