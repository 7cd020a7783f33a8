package hint

import (
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// token kinds: only what finding tables, columns and comments needs.
const (
	tWord    = iota // bare word, or a number
	tIdent          // quoted identifier, unquoted in text
	tString         // string literal (text not kept)
	tComment        // "--" comment, text after the dashes
	tPunct          // one other character
)

type token struct {
	kind int
	text string
	line int  // 1-based, in the whole file
	bol  bool // a comment that is the first thing on its line
}

// lex splits src (starting at line firstLine) into tokens under the
// dialect's lexing rules. Block and '#' comments are dropped; an
// unterminated quote or comment ends the input, since the splitter has
// already accepted the text.
func lex(src string, firstLine int, o sqlsplit.Options) []token {
	var out []token
	line := firstLine
	bol := true
	i := 0
	emit := func(kind int, text string, start int) {
		out = append(out, token{kind: kind, text: text, line: line})
		line += strings.Count(src[start:i], "\n")
		bol = false
	}
	for i < len(src) {
		c := src[i]
		start := i
		switch {
		case c == '\n':
			line++
			i++
			bol = true
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && strings.HasPrefix(src[i:], "--"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			out = append(out, token{kind: tComment, text: src[i+2 : i+end], line: line, bol: bol})
			i += end
		case c == '#' && o.HashComments:
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			i += end
		case c == '/' && strings.HasPrefix(src[i:], "/*"):
			i = blockEnd(src, i, !o.FlatComments)
			line += strings.Count(src[start:i], "\n")
		case c == '\'':
			escapes := o.BackslashEscapes || (i > 0 && (src[i-1] == 'E' || src[i-1] == 'e') && (i == 1 || !isWord(src[i-2])))
			i = quoteEnd(src, i, '\'', escapes)
			emit(tString, "", start)
		case c == '"' || c == '`':
			i = quoteEnd(src, i, c, c == '"' && o.BackslashEscapes)
			emit(tIdent, unquote(src[start:i], c), start)
		case c == '[' && o.Brackets:
			end := strings.IndexByte(src[i:], ']')
			if end < 0 {
				i = len(src)
			} else {
				i += end + 1
			}
			emit(tIdent, strings.TrimSuffix(src[start+1:i], "]"), start)
		case c == '$' && !o.NoDollarQuotes && dollarTag(src[i:]) != "":
			tag := dollarTag(src[i:])
			end := strings.Index(src[i+len(tag):], tag)
			if end < 0 {
				i = len(src)
			} else {
				i += len(tag) + end + len(tag)
			}
			emit(tString, "", start)
		case isWord(c):
			for i < len(src) && isWord(src[i]) {
				i++
			}
			emit(tWord, src[start:i], start)
		default:
			i++
			emit(tPunct, src[start:i], start)
		}
	}
	return out
}

func isWord(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// quoteEnd returns the offset after the quote opened at i: a doubled
// quote is an escaped one, and with escapes a backslash escapes a byte.
func quoteEnd(src string, i int, q byte, escapes bool) int {
	for j := i + 1; j < len(src); j++ {
		switch {
		case escapes && src[j] == '\\':
			j++
		case src[j] == q && j+1 < len(src) && src[j+1] == q:
			j++
		case src[j] == q:
			return j + 1
		}
	}
	return len(src)
}

func unquote(s string, q byte) string {
	s = strings.TrimPrefix(s, string(q))
	s = strings.TrimSuffix(s, string(q))
	return strings.ReplaceAll(s, string([]byte{q, q}), string(q))
}

// blockEnd returns the offset after the block comment opened at i.
func blockEnd(src string, i int, nested bool) int {
	depth := 0
	for j := i; j < len(src)-1; j++ {
		switch {
		case src[j] == '/' && src[j+1] == '*' && (nested || depth == 0):
			depth++
			j++
		case src[j] == '*' && src[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(src)
}

// dollarTag returns "$tag$" when s opens a dollar-quoted string.
func dollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[:j+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || j > 1 && c >= '0' && c <= '9':
		default:
			return ""
		}
	}
	return ""
}
