package sqlsplit

import "strings"

// The lexer is the one reading of a dialect's lexical rules (Options):
// the splitter, Tokens and Lex all walk its lexemes, so they cannot disagree
// on what is a quote, a comment or code.

type lexKind uint8

const (
	lexBlank     lexKind = iota // spaces and newlines
	lexComment                  // a line comment (without its '\n') or a block comment
	lexExecOpen                 // "/*!" or "/*M!" and its version: code follows (ExecComments)
	lexExecClose                // the "*/" ending an executable comment
	lexString                   // a quoted or dollar-quoted string
	lexIdent                    // a quoted identifier
	lexWord                     // a keyword or identifier
	lexNumber
	lexPunct // one other byte
)

type lexeme struct {
	kind       lexKind
	start, end int
	// unterminated names the quote or comment that runs to the end of
	// the input ("" when it is closed).
	unterminated string
}

// lexer reads src one lexeme at a time.
type lexer struct {
	src   string
	o     Options
	i     int
	exec  bool   // inside an executable comment
	delim string // a client DELIMITER in force: words stop before it
}

func (l *lexer) more() bool { return l.i < len(l.src) }

func (l *lexer) at(k int) byte {
	if k < len(l.src) {
		return l.src[k]
	}
	return 0
}

// next reads the lexeme at l.i; call it only while more().
func (l *lexer) next() lexeme {
	src, o, i := l.src, l.o, l.i
	c := src[i]
	x := lexeme{start: i, kind: lexPunct, end: i + 1}
	switch {
	case isBlank(c):
		x.kind, x.end = lexBlank, i+1
		for x.end < len(src) && isBlank(src[x.end]) {
			x.end++
		}
	case c == '-' && l.at(i+1) == '-' && (!o.DashCommentBlank || i+2 == len(src) || src[i+2] <= ' ' || src[i+2] == 0x7f),
		c == '#' && o.HashComments:
		x.kind, x.end = lexComment, lineEnd(src, i)
	case c == '/' && l.at(i+1) == '*' && o.ExecComments && (l.at(i+2) == '!' || l.at(i+2) == 'M' && l.at(i+3) == '!'):
		// Nested inside another, the marker only repeats that code follows.
		x.kind, x.end = lexExecOpen, i+3
		if src[i+2] == 'M' {
			x.end++
		}
		for x.end < len(src) && isDigit(src[x.end]) {
			x.end++
		}
		l.exec = true
	case c == '/' && l.at(i+1) == '*':
		x.kind = lexComment
		x.end, x.unterminated = l.blockComment(i)
	case c == '*' && l.at(i+1) == '/' && l.exec:
		x.kind, x.end = lexExecClose, i+2
		l.exec = false
	case c == '\'':
		x.kind = lexString
		x.end, x.unterminated = quoteEnd(src, i, '\'', o.BackslashEscapes || isEString(src, i), "quoted string")
	case c == '"' && o.DoubleQuoteStrings:
		x.kind = lexString
		x.end, x.unterminated = quoteEnd(src, i, '"', o.BackslashEscapes, "quoted string")
	case c == '"':
		x.kind = lexIdent
		x.end, x.unterminated = quoteEnd(src, i, '"', false, "quoted identifier")
	case c == '`' && o.Backticks:
		x.kind = lexIdent
		x.end, x.unterminated = quoteEnd(src, i, '`', false, "backtick-quoted identifier")
	case c == '[' && o.Brackets:
		x.kind = lexIdent
		if end := strings.IndexByte(src[i:], ']'); end >= 0 {
			x.end = i + end + 1
		} else {
			x.end, x.unterminated = len(src), "bracket-quoted identifier"
		}
	case c == '$' && !o.NoDollarQuotes && dollarTag(src[i:]) != "":
		tag := dollarTag(src[i:])
		x.kind = lexString
		if end := strings.Index(src[i+len(tag):], tag); end >= 0 {
			x.end = i + len(tag) + end + len(tag)
		} else {
			x.end, x.unterminated = len(src), "dollar-quoted string "+tag
		}
	case isIdentStart(c):
		x.kind, x.end = lexWord, l.wordEnd(i, true)
	case isDigit(c):
		// 12abc is a name on MySQL; where $ quotes (PostgreSQL) 1$a$
		// is a number and a quote.
		x.kind, x.end = lexWord, l.wordEnd(i, o.NoDollarQuotes)
		if isNumber(src[i:x.end]) {
			x.kind = lexNumber
			if x.end < len(src) && src[x.end] == '.' {
				x.end = l.wordEnd(x.end+1, false) // 1.5, 1.5e3
			}
		}
	}
	l.i = x.end
	return x
}

// wordEnd returns where the run of identifier bytes from i ends, before
// any client delimiter; dollar says whether '$' continues it.
func (l *lexer) wordEnd(i int, dollar bool) int {
	for i < len(l.src) && (isAlnum(l.src[i]) || dollar && l.src[i] == '$') {
		if l.delim != "" && strings.HasPrefix(l.src[i:], l.delim) {
			break
		}
		i++
	}
	return i
}

// blockComment returns the end of the comment at i, nesting unless
// FlatComments.
func (l *lexer) blockComment(i int) (int, string) {
	src := l.src
	depth := 0
	for i < len(src)-1 {
		switch {
		case src[i] == '/' && src[i+1] == '*':
			if depth == 0 || !l.o.FlatComments {
				depth++
			}
			i += 2
		case src[i] == '*' && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i, ""
			}
		default:
			i++
		}
	}
	return len(src), "block comment"
}

// quoteEnd returns the end of the quoted text opened by q at i; a doubled
// q is an escaped q, and with escapes a backslash escapes the next byte.
func quoteEnd(src string, i int, q byte, escapes bool, what string) (int, string) {
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\\' && escapes:
			j++
		case src[j] == q && j+1 < len(src) && src[j+1] == q:
			j++
		case src[j] == q:
			return j + 1, ""
		}
	}
	return len(src), what
}

// isEString reports whether the quote at i opens a PostgreSQL E'...'
// string, where backslash escapes apply.
func isEString(src string, i int) bool {
	if i == 0 || (src[i-1] != 'E' && src[i-1] != 'e') {
		return false
	}
	return i == 1 || !isIdentChar(src[i-2])
}

// dollarTag returns the $tag$ s starts with, or "" ($1 is a parameter,
// a lone $ an operator byte).
func dollarTag(s string) string {
	if len(s) > 1 && isDigit(s[1]) {
		return ""
	}
	for j := 1; j < len(s); j++ {
		switch {
		case s[j] == '$':
			return s[:j+1]
		case !isAlnum(s[j]):
			return ""
		}
	}
	return ""
}

func lineEnd(src string, i int) int {
	if eol := strings.IndexByte(src[i:], '\n'); eol >= 0 {
		return i + eol
	}
	return len(src)
}

func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isAlnum(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isIdentChar(c byte) bool { return isAlnum(c) || c == '$' }
