// Package hint finds rename hints in desired-schema files: a comment
// "-- retort:renamed-from OLD" on a column's line inside CREATE TABLE
// says the column was OLD, and one on the line before CREATE TABLE (or
// on the CREATE TABLE line itself) says the table was. Comments never
// reach the loaded schema, so the file text is scanned before loading.
package hint

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// Prefix starts a rename hint's comment text.
const Prefix = "retort:renamed-from"

// Rename is one hint.
type Rename struct {
	File string
	Line int
	// Table is the table CREATE TABLE names ("schema.table" when
	// qualified); Column the column the hint is on, "" for a table hint.
	Table, Column string
	From          string // the old name
}

// Error is a hint retort cannot place: where, and why.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Scan returns the hints of one schema file, split with the dialect's
// lexing rules.
func Scan(file, src string, o sqlsplit.Options) ([]Rename, error) {
	if !strings.Contains(src, Prefix) {
		return nil, nil
	}
	stmts, err := sqlsplit.SplitWith(src, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	lineStart := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	s := &scanner{file: file}
	gapFrom, gapLine := 0, 1
	for _, st := range stmts {
		at := -1
		if st.Line-1 < len(lineStart) {
			if k := strings.Index(src[lineStart[st.Line-1]:], st.SQL); k >= 0 {
				at = lineStart[st.Line-1] + k
			}
		}
		if at < gapFrom {
			return nil, &Error{File: file, Line: st.Line, Msg: "cannot locate this statement in the file to look for rename hints"}
		}
		before, err := s.gap(lex(src[gapFrom:at], gapLine, o), gapLine, gapFrom > 0)
		if err != nil {
			return nil, err
		}
		if err := s.statement(lex(st.SQL, st.Line, o), before); err != nil {
			return nil, err
		}
		gapFrom, gapLine = at+len(st.SQL), st.Line+strings.Count(st.SQL, "\n")
	}
	trailing, err := s.gap(lex(src[gapFrom:], gapLine, o), gapLine, gapFrom > 0)
	if err != nil {
		return nil, err
	}
	if trailing != nil {
		return nil, s.misplaced(*trailing)
	}
	return s.out, nil
}

type scanner struct {
	file string
	out  []Rename
}

// hintOf returns the old name a comment token names, ok=false when the
// token is no hint.
func (s *scanner) hintOf(t sqlsplit.Token) (string, bool, error) {
	text, ok := dashText(t)
	text = strings.TrimSpace(text)
	if !ok || !strings.HasPrefix(text, Prefix) {
		return "", false, nil
	}
	rest := text[len(Prefix):]
	f := strings.Fields(rest)
	if len(f) != 1 || rest[0] != ' ' && rest[0] != '\t' {
		return "", true, &Error{File: s.file, Line: t.Line, Msg: fmt.Sprintf("%q needs exactly one name after it, the old one (\"-- %s old_name\")", "-- "+Prefix, Prefix)}
	}
	name := f[0]
	for _, q := range []string{`"`, "`"} {
		if len(name) >= 2 && strings.HasPrefix(name, q) && strings.HasSuffix(name, q) {
			name = name[1 : len(name)-1]
		}
	}
	return name, true, nil
}

// gap reads the comments between two statements and returns the table
// hint among them, which belongs to the statement that follows. The gap
// starts on line first, after a statement's end when afterCode.
func (s *scanner) gap(toks []sqlsplit.Token, first int, afterCode bool) (*sqlsplit.Token, error) {
	var found *sqlsplit.Token
	codeLine := 0 // the last line code is on
	if afterCode {
		codeLine = first
	}
	for i, t := range toks {
		if !t.Comment {
			codeLine = lastLine(t)
			continue
		}
		_, ok, err := s.hintOf(t)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if t.Line == codeLine {
			return nil, &Error{File: s.file, Line: t.Line, Msg: "a rename hint after a statement on the same line is ambiguous: put it on the line before CREATE TABLE, or on the column's line inside it"}
		}
		if found != nil {
			return nil, &Error{File: s.file, Line: t.Line, Msg: fmt.Sprintf("second table rename hint (the first is on line %d)", found.Line)}
		}
		found = &toks[i]
	}
	return found, nil
}

func (s *scanner) misplaced(t sqlsplit.Token) error {
	return &Error{File: s.file, Line: t.Line, Msg: fmt.Sprintf("%q is neither on a column's line inside CREATE TABLE nor on the line before a CREATE TABLE", "-- "+Prefix)}
}
