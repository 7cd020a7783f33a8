// Package sqlsplit splits a SQL script into statements on ';' while
// respecting quotes, comments, dollar quoting, routine bodies
// (BEGIN ... END) and explicit "-- +retort StatementBegin/End" blocks.
//
// Body detection is keyword based: an identifier named END inside a
// body (SELECT start, end FROM ...) closes it early; wrap such a
// statement in a StatementBegin/End block.
package sqlsplit

import (
	"fmt"
	"strings"
)

// Stmt is one statement of a script.
type Stmt struct {
	SQL  string // the statement without its trailing ';', trimmed
	Line int    // 1-based line where the statement starts in the source
}

// Error is a malformed script: what is wrong and the line where the
// offending construct starts.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Options select dialect lexing rules; callers pass the target dialect's
// (dialect.Dialect.SplitOptions). The zero value is PostgreSQL's rules.
type Options struct {
	// BackslashEscapes makes '\' escape the next character inside '...'
	// and "..." (MySQL's default sql_mode); "..." is then a string.
	BackslashEscapes bool
	// HashComments makes '#' start a line comment (MySQL).
	HashComments bool
	// FlatComments ends a block comment at the first "*/" (MySQL, SQLite);
	// otherwise block comments nest (PostgreSQL).
	FlatComments bool
	// NoDollarQuotes disables $tag$ ... $tag$ quoting (MySQL, SQLite).
	NoDollarQuotes bool
	// Brackets makes [ ... ] a quoted identifier (SQLite, for MS SQL
	// compatibility); PostgreSQL uses brackets for array subscripts.
	Brackets bool
	// ClientDelimiter honours the mysql client's DELIMITER lines (see
	// delimiter.go).
	ClientDelimiter bool
}

// Presets for the supported dialects.
var (
	PostgreSQL = Options{}
	SQLite     = Options{FlatComments: true, NoDollarQuotes: true, Brackets: true}
	MySQL      = Options{BackslashEscapes: true, HashComments: true, FlatComments: true, NoDollarQuotes: true, ClientDelimiter: true}
)

// SplitWith splits src with the given lexing rules.
func SplitWith(src string, o Options) ([]Stmt, error) {
	s := &splitter{src: src, o: o, line: 1}
	s.reset()
	if err := s.run(); err != nil {
		return nil, err
	}
	return s.out, nil
}

type splitter struct {
	src  string
	o    Options
	i    int
	line int
	out  []Stmt

	// current statement
	start     int // offset of its first significant token, -1 if none yet
	startLine int
	lastEnd   int // offset just after its last significant token
	body      bodyState

	delim string // the DELIMITER in force when not ';'
}

func (s *splitter) reset() {
	s.start = -1
	s.body = bodyState{}
}

func (s *splitter) fail(line int, format string, args ...any) error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// mark records a significant token starting at the current offset.
func (s *splitter) mark() {
	if s.start < 0 {
		s.start = s.i
		s.startLine = s.line
	}
}

func (s *splitter) flush() {
	if s.start >= 0 {
		s.out = append(s.out, Stmt{SQL: s.src[s.start:s.lastEnd], Line: s.startLine})
	}
	s.reset()
}

func (s *splitter) run() error {
	src := s.src
	for s.i < len(src) {
		c := src[s.i]
		if s.atDelimiter() {
			s.flushDelimited()
			s.i += len(s.delim)
			continue
		}
		switch {
		case c == '\n':
			s.line++
			s.i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			s.i++
		case c == '-' && s.peek(1) == '-':
			if err := s.lineComment(true); err != nil {
				return err
			}
		case c == '#' && s.o.HashComments:
			if err := s.lineComment(false); err != nil {
				return err
			}
		case c == '/' && s.peek(1) == '*':
			// MySQL executable comments /*! ... */ are statements' content.
			conditional := s.peek(2) == '!'
			if conditional {
				s.mark()
			}
			if err := s.blockComment(); err != nil {
				return err
			}
			if conditional {
				s.lastEnd = s.i
			}
		case c == '\'':
			s.mark()
			escapes := s.o.BackslashEscapes || s.isEString()
			if err := s.quoted('\'', escapes, "quoted string"); err != nil {
				return err
			}
			s.token()
		case c == '"':
			s.mark()
			what := "quoted identifier"
			if s.o.BackslashEscapes {
				what = "quoted string"
			}
			if err := s.quoted('"', s.o.BackslashEscapes, what); err != nil {
				return err
			}
			s.token()
		case c == '`':
			s.mark()
			if err := s.quoted('`', false, "backtick-quoted identifier"); err != nil {
				return err
			}
			s.token()
		case c == '[' && s.o.Brackets:
			s.mark()
			if err := s.bracket(); err != nil {
				return err
			}
			s.token()
		case c == '$' && !s.o.NoDollarQuotes:
			s.mark()
			if err := s.dollar(); err != nil {
				return err
			}
			s.token()
		case c == ';':
			s.body.punct()
			if s.body.depth > 0 || s.delim != "" {
				s.mark()
				s.i++
				s.lastEnd = s.i
				continue
			}
			s.flush()
			s.i++
		case isIdentStart(c):
			j := s.i + 1
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			if ok, err := s.delimiterLine(j); ok || err != nil {
				if err != nil {
					return err
				}
				continue
			}
			s.mark()
			s.body.word(strings.ToUpper(src[s.i:j]), s.line)
			s.i = j
			s.lastEnd = j
		case isDigit(c):
			s.mark()
			j := s.i + 1
			for j < len(src) && (isIdentChar(src[j]) || src[j] == '.') {
				j++
			}
			s.i = j
			s.token()
		default:
			s.mark()
			s.i++
			s.token()
		}
	}
	s.body.punct()
	if s.delim != "" {
		s.flushDelimited()
		return nil
	}
	if s.body.depth > 0 {
		return s.fail(s.body.line, "unterminated BEGIN ... END body (missing END)")
	}
	s.flush()
	return nil
}

// token ends a non-word significant token at the current offset.
func (s *splitter) token() {
	s.body.punct()
	s.lastEnd = s.i
}

func (s *splitter) peek(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

// isEString reports whether the quote at s.i opens a PostgreSQL E'...'
// string, where backslash escapes apply.
func (s *splitter) isEString() bool {
	i := s.i
	if i == 0 || (s.src[i-1] != 'E' && s.src[i-1] != 'e') {
		return false
	}
	return i == 1 || !isIdentChar(s.src[i-2])
}

// quoted skips a quoted token opened by q at s.i; a doubled q is an
// escaped q, and with escapes a backslash escapes the next byte.
func (s *splitter) quoted(q byte, escapes bool, what string) error {
	startLine := s.line
	src := s.src
	i := s.i + 1
	for i < len(src) {
		c := src[i]
		switch {
		case c == q:
			if i+1 < len(src) && src[i+1] == q {
				i += 2
				continue
			}
			s.i = i + 1
			return nil
		case c == '\\' && escapes:
			if i+1 < len(src) && src[i+1] == '\n' {
				s.line++
			}
			i += 2
			continue
		case c == '\n':
			s.line++
		}
		i++
	}
	return s.fail(startLine, "unterminated %s", what)
}

// bracket skips a [quoted identifier] at s.i; SQLite has no escape in it.
func (s *splitter) bracket() error {
	end := strings.IndexByte(s.src[s.i:], ']')
	if end < 0 {
		return s.fail(s.line, "unterminated bracket-quoted identifier")
	}
	s.line += strings.Count(s.src[s.i:s.i+end], "\n")
	s.i += end + 1
	return nil
}

// blockComment skips /* ... */ at s.i, nesting unless FlatComments.
func (s *splitter) blockComment() error {
	startLine := s.line
	src := s.src
	depth := 0
	i := s.i
	for i < len(src) {
		switch {
		case src[i] == '/' && i+1 < len(src) && src[i+1] == '*':
			if depth == 0 || !s.o.FlatComments {
				depth++
			}
			i += 2
			continue
		case src[i] == '*' && i+1 < len(src) && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				s.i = i
				return nil
			}
			continue
		case src[i] == '\n':
			s.line++
		}
		i++
	}
	return s.fail(startLine, "unterminated block comment")
}

// dollar skips a $tag$ ... $tag$ string at s.i, or a lone '$' (a $1
// placeholder or part of an operator) that quotes nothing.
func (s *splitter) dollar() error {
	src := s.src
	j := s.i + 1
	if j < len(src) && isDigit(src[j]) {
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		s.i = j
		return nil
	}
	for j < len(src) && isIdentChar(src[j]) && src[j] != '$' {
		j++
	}
	if j >= len(src) || src[j] != '$' {
		s.i++
		return nil
	}
	tag := src[s.i : j+1]
	end := strings.Index(src[j+1:], tag)
	if end < 0 {
		return s.fail(s.line, "unterminated dollar-quoted string %s", tag)
	}
	stop := j + 1 + end + len(tag)
	s.line += strings.Count(src[s.i:stop], "\n")
	s.i = stop
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }
