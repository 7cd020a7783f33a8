package lint

import (
	"regexp"
	"strings"
)

var (
	reAlterTableHead = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) `)
	reDropClause     = regexp.MustCompile(`^DROP (?:COLUMN )?(?:IF EXISTS )?([^\s,]+)`)
)

// notColumns are the words after DROP in an ALTER TABLE clause that drop
// something other than a column.
var notColumns = map[string]bool{
	"CONSTRAINT": true, "FOREIGN": true, "INDEX": true, "KEY": true, "PRIMARY": true, "CHECK": true,
	"DEFAULT": true, "NOT": true, "IDENTITY": true, "EXPRESSION": true, "PERIOD": true, "SYSTEM": true,
	"PARTITION": true,
}

// DropsColumn reports whether a pending revision drops a column: only
// then does Destructive need Input.Live outside rebuilds, to tell a
// generated column, whose drop loses nothing, from a stored one.
func DropsColumn(pending []Revision) bool {
	for _, r := range pending {
		for _, s := range classify(r.Upgrade) {
			if _, cols := droppedColumns(s.upper); len(cols) > 0 {
				return true
			}
		}
	}
	return false
}

// droppedColumns returns the table and the columns an ALTER TABLE drops,
// in any of its clauses: one statement may drop a column and add a key
// (MySQL), and each such drop loses data.
func droppedColumns(u string) (table string, cols []string) {
	m := reAlterTableHead.FindStringSubmatch(u)
	if m == nil {
		return "", nil
	}
	for _, clause := range topLevelClauses(u[len(m[0]):]) {
		d := reDropClause.FindStringSubmatch(strings.TrimSpace(clause))
		if d == nil || notColumns[d[1]] {
			continue
		}
		cols = append(cols, ident(d[1]))
	}
	return ident(m[1]), cols
}

// topLevelClauses splits s at the commas outside parentheses and quotes.
func topLevelClauses(s string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
