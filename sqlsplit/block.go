package sqlsplit

import "strings"

// Directive words after "-- +retort" on a line of their own.
const (
	directiveBegin = "StatementBegin"
	directiveEnd   = "StatementEnd"
)

// directive returns the word after "+retort" when line (without its
// newline) is a "-- +retort <word>" directive line, else "".
func directive(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "--") {
		return "", false
	}
	f := strings.Fields(t[2:])
	if len(f) == 0 || !strings.EqualFold(f[0], "+retort") {
		return "", false
	}
	if len(f) != 2 {
		return strings.Join(f[1:], " "), true
	}
	return f[1], true
}

// atLineStart reports whether only blanks precede offset i on its line.
func (s *splitter) atLineStart(i int) bool {
	for j := i - 1; j >= 0 && s.src[j] != '\n'; j-- {
		if s.src[j] != ' ' && s.src[j] != '\t' && s.src[j] != '\r' {
			return false
		}
	}
	return true
}

// directive handles "-- +retort <word>" on the given line, which ends at
// eol: a StatementBegin block is taken verbatim up to its StatementEnd line.
func (s *splitter) directive(word string, eol, line int) error {
	switch {
	case strings.EqualFold(word, directiveEnd):
		return s.fail(line, "-- +retort StatementEnd without a StatementBegin")
	case !strings.EqualFold(word, directiveBegin):
		return s.fail(line, "unknown directive %q (want StatementBegin or StatementEnd)", "-- +retort "+word)
	}
	if s.body.depth > 0 {
		return s.fail(s.body.line, "unterminated BEGIN ... END body before -- +retort StatementBegin on line %d", line)
	}
	s.body.punct()
	s.flush() // a statement left without ';' before the block ends here
	src := s.src
	beginLine := line
	pos := eol // at the '\n' ending the current line
	for pos < len(src) {
		pos++ // past '\n'
		line++
		next := strings.IndexByte(src[pos:], '\n')
		lineEnd := len(src)
		if next >= 0 {
			lineEnd = pos + next
		}
		if word, ok := directive(src[pos:lineEnd]); ok {
			if !strings.EqualFold(word, directiveEnd) {
				return s.fail(line, "%q inside the StatementBegin block of line %d", "-- +retort "+word, beginLine)
			}
			s.emitBlock(eol+1, pos, beginLine+1)
			s.lx.i, s.line = lineEnd, line
			return nil
		}
		pos = lineEnd
	}
	return s.fail(beginLine, "-- +retort StatementBegin without a StatementEnd")
}

// emitBlock adds src[from:to] (first line number firstLine) as one
// statement, trimmed and without a final ';', unless it has no content.
func (s *splitter) emitBlock(from, to, firstLine int) {
	if from > to {
		return
	}
	raw := s.src[from:to]
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\n\f\v"))
	text := strings.TrimSpace(raw)
	text = strings.TrimSpace(strings.TrimSuffix(text, ";"))
	if !s.hasContent(text) {
		return
	}
	s.out = append(s.out, Stmt{SQL: text, Line: firstLine + strings.Count(raw[:lead], "\n")})
}

// hasContent reports whether text holds anything besides blanks and
// comments.
func (s *splitter) hasContent(text string) bool {
	l := lexer{src: text, o: s.lx.o}
	for l.more() {
		// An unterminated comment is the database's to report.
		if x := l.next(); x.kind != lexBlank && x.kind != lexComment || x.unterminated != "" {
			return true
		}
	}
	return false
}
