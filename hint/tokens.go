package hint

import (
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// lex reads src, which starts on line firstLine of its file, as the
// server does: sqlsplit's lexer under the dialect's rules, comments and
// literals kept, lines counted in the file.
func lex(src string, firstLine int, o sqlsplit.Options) []sqlsplit.Token {
	toks := sqlsplit.Lex(src, o)
	for i := range toks {
		toks[i].Line += firstLine - 1
	}
	return toks
}

// dashText returns the text after "--" of a "--" comment; hints live
// only there, not in '#' or block comments.
func dashText(t sqlsplit.Token) (string, bool) {
	if !t.Comment {
		return "", false
	}
	return strings.CutPrefix(t.Text, "--")
}

// isPunct reports whether t is the punctuation character p.
func isPunct(t sqlsplit.Token, p string) bool {
	return !t.Word && !t.Comment && !t.Literal && t.Text == p
}

// lastLine is the line t ends on (a string or comment may span lines).
func lastLine(t sqlsplit.Token) int {
	return t.Line + strings.Count(t.Text, "\n")
}
