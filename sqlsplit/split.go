// Package sqlsplit splits a SQL script into statements on ';' while
// respecting quotes, comments, dollar quoting, routine bodies
// (BEGIN ... END) and explicit "-- +retort StatementBegin/End" blocks.
//
// Body detection is keyword based: an identifier named END inside a
// body (SELECT start, end FROM ...) closes it early; wrap such a
// statement in a StatementBegin/End block.
//
// Tokens reads a statement's words with the same lexer (lex.go), so a
// check of a statement reads the quotes and comments the split did; Lex
// adds the comments and literals themselves (rename hints read them).
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

// Options are a dialect's lexing rules, read by SplitWith and Tokens
// alike; callers pass the target dialect's (dialect.Dialect.SplitOptions).
// The zero value is PostgreSQL's rules.
type Options struct {
	// BackslashEscapes makes '\' escape the next character inside
	// strings (MySQL's default sql_mode).
	BackslashEscapes bool
	// DoubleQuoteStrings makes "..." a string (MySQL without
	// ANSI_QUOTES); otherwise it is a quoted identifier.
	DoubleQuoteStrings bool
	// Backticks makes `...` a quoted identifier (MySQL, SQLite); on
	// PostgreSQL a backtick is an operator character.
	Backticks bool
	// HashComments makes '#' start a line comment (MySQL).
	HashComments bool
	// DashCommentBlank makes "--" start a comment only before a blank or
	// control character or at the end (MySQL: 1--1 is 1 - -1).
	DashCommentBlank bool
	// FlatComments ends a block comment at the first "*/" (MySQL, SQLite);
	// otherwise block comments nest (PostgreSQL).
	FlatComments bool
	// ExecComments makes /*! ... */ and /*M! ... */ code the server runs
	// (MySQL, MariaDB); otherwise they are comments.
	ExecComments bool
	// NoDollarQuotes disables $tag$ ... $tag$ quoting (MySQL, SQLite).
	NoDollarQuotes bool
	// Brackets makes [ ... ] a quoted identifier (SQLite, for MS SQL
	// compatibility); PostgreSQL uses brackets for array subscripts.
	Brackets bool
	// ClientDelimiter honours the mysql client's DELIMITER lines (see
	// delimiter.go).
	ClientDelimiter bool
	// NoPsql reads the script as the server's alone; otherwise as psql
	// input (psql.go): a backslash where a statement starts is a
	// meta-command, and COPY ... FROM STDIN, whose rows psql would send,
	// is an error.
	NoPsql bool
}

// Presets for the supported dialects.
var (
	PostgreSQL = Options{}
	SQLite     = Options{Backticks: true, FlatComments: true, NoDollarQuotes: true, Brackets: true, NoPsql: true}
	MySQL      = Options{BackslashEscapes: true, DoubleQuoteStrings: true, Backticks: true, HashComments: true, DashCommentBlank: true,
		FlatComments: true, ExecComments: true, NoDollarQuotes: true, ClientDelimiter: true, NoPsql: true}
)

// SplitWith splits src with the given lexing rules; a malformed script
// is an *Error.
func SplitWith(src string, o Options) ([]Stmt, error) {
	s := &splitter{src: src, lx: lexer{src: src, o: o}, line: 1}
	s.reset()
	if err := s.run(); err != nil {
		return nil, err
	}
	if s.err != nil { // found by the last flush
		return nil, s.err
	}
	return s.out, nil
}

type splitter struct {
	src  string
	lx   lexer
	line int // of the next lexeme
	out  []Stmt

	// current statement
	start     int // offset of its first significant token, -1 if none yet
	startLine int
	lastEnd   int // offset just after its last significant token
	body      bodyState
	execLine  int // where the open executable comment started

	delim string // the DELIMITER in force when not ';'
	err   error  // what a flushed statement found wrong
}

func (s *splitter) reset() {
	s.start = -1
	s.body = bodyState{}
}

func (s *splitter) fail(line int, format string, args ...any) error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// mark records a significant token starting at offset at on line.
func (s *splitter) mark(at, line int) {
	if s.start < 0 {
		s.start = at
		s.startLine = line
	}
}

func (s *splitter) flush() {
	if s.start >= 0 {
		st := Stmt{SQL: s.src[s.start:s.lastEnd], Line: s.startLine}
		if !s.lx.o.NoPsql && s.err == nil && copyFromStdin(st.SQL, s.lx.o) {
			s.err = s.fail(st.Line, copyFromStdinMsg)
		}
		s.out = append(s.out, st)
	}
	s.reset()
}

func (s *splitter) run() error {
	for s.lx.more() && s.err == nil {
		if s.atDelimiter() {
			s.flushDelimited()
			s.lx.i += len(s.delim)
			continue
		}
		inExec := s.lx.exec
		x := s.lx.next()
		line := s.line
		s.line += strings.Count(s.src[x.start:x.end], "\n")
		if x.unterminated != "" {
			return s.fail(line, "unterminated %s", x.unterminated)
		}
		if inExec && x.kind != lexExecClose {
			// An executable comment is one token to the splitter: its ';'
			// and words are the server's, as before it ends.
			continue
		}
		if x.kind == lexPunct && s.src[x.start] == '\\' && s.start < 0 && !s.lx.o.NoPsql {
			if err := s.metaCommand(x.start, line); err != nil {
				return err
			}
			continue
		}
		switch x.kind {
		case lexBlank:
		case lexComment:
			if s.src[x.start] == '-' && s.atLineStart(x.start) {
				if word, ok := directive(s.src[x.start:x.end]); ok {
					if err := s.directive(word, x.end, line); err != nil {
						return err
					}
				}
			}
		case lexExecOpen:
			s.mark(x.start, line)
			s.execLine = line
		case lexExecClose:
			s.lastEnd = x.end
		case lexPunct:
			if s.src[x.start] == ';' {
				s.body.punct()
				if s.body.depth == 0 && s.delim == "" {
					s.flush()
					continue
				}
			}
			s.mark(x.start, line)
			s.token(x.end)
		case lexWord:
			if ok, err := s.delimiterLine(x.start, x.end, line); ok || err != nil {
				if err != nil {
					return err
				}
				continue
			}
			s.mark(x.start, line)
			s.body.word(strings.ToUpper(s.src[x.start:x.end]), line)
			s.lastEnd = x.end
		default:
			s.mark(x.start, line)
			s.token(x.end)
		}
	}
	if s.err != nil {
		return s.err
	}
	if s.lx.exec {
		return s.fail(s.execLine, "unterminated block comment")
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

// token ends a non-word significant token at end.
func (s *splitter) token(end int) {
	s.body.punct()
	s.lastEnd = end
}
