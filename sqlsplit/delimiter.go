package sqlsplit

import "strings"

// The mysql client's DELIMITER command: a line "DELIMITER //" makes "//"
// end statements until the next DELIMITER line ("DELIMITER ;" goes back),
// so ';' inside a routine body needs no BEGIN ... END detection. It is
// recognised only where a statement could start, at the start of a line.

// delimiterLine handles a DELIMITER line on line whose first word spans
// i to j; ok is false when the word is not a DELIMITER command.
func (s *splitter) delimiterLine(i, j, line int) (bool, error) {
	if !s.lx.o.ClientDelimiter || s.start >= 0 || !s.atLineStart(i) || !strings.EqualFold(s.src[i:j], "DELIMITER") {
		return false, nil
	}
	eol := strings.IndexByte(s.src[j:], '\n')
	if eol < 0 {
		eol = len(s.src)
	} else {
		eol += j
	}
	f := strings.Fields(s.src[j:eol])
	if len(f) == 0 {
		return false, nil // a statement that starts with an identifier named delimiter
	}
	if len(f) > 1 || strings.ContainsAny(f[0], `'"`+"`") {
		return true, s.fail(line, "DELIMITER takes one delimiter without quotes, got %q", strings.TrimSpace(s.src[j:eol]))
	}
	s.delim = f[0]
	if s.delim == ";" {
		s.delim = ""
	}
	s.lx.delim = s.delim
	s.lx.i = eol
	return true, nil
}

// atDelimiter reports whether a custom delimiter starts at the next
// lexeme; inside an executable comment it is the server's text.
func (s *splitter) atDelimiter() bool {
	return s.delim != "" && !s.lx.exec && strings.HasPrefix(s.src[s.lx.i:], s.delim)
}

// flushDelimited ends a statement at a custom delimiter; a ';' right
// before the delimiter ("END;//") is the mysql client's habit, not SQL.
func (s *splitter) flushDelimited() {
	n := len(s.out)
	s.body = bodyState{}
	s.flush()
	if len(s.out) > n {
		last := &s.out[len(s.out)-1]
		last.SQL = strings.TrimRight(strings.TrimSuffix(last.SQL, ";"), " \t\r\n\f\v")
		if !s.hasContent(last.SQL) {
			s.out = s.out[:n]
		}
	}
}
