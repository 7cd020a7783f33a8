package hint

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// element is one column definition or table constraint of CREATE TABLE.
type element struct {
	name                string // the column, unquoted; "" when no name starts it
	constraint          bool
	firstLine, lastLine int
}

// constraintWords start a table element that is not a column.
var constraintWords = map[string]bool{
	"CONSTRAINT": true, "PRIMARY": true, "UNIQUE": true, "CHECK": true, "FOREIGN": true,
	"EXCLUDE": true, "INDEX": true, "KEY": true, "FULLTEXT": true, "SPATIAL": true, "LIKE": true, "PERIOD": true,
}

// statement reads the hints of one statement; before is the table hint
// on the lines before it, if any.
func (s *scanner) statement(toks []sqlsplit.Token, before *sqlsplit.Token) error {
	table, open := createTable(toks)
	var hints []sqlsplit.Token
	for _, t := range toks {
		if _, ok, err := s.hintOf(t); err != nil {
			return err
		} else if ok {
			hints = append(hints, t)
		}
	}
	if table == "" {
		if before != nil {
			return s.misplaced(*before)
		}
		if len(hints) > 0 {
			return s.misplaced(hints[0])
		}
		return nil
	}
	tableHint := before
	elems := elements(toks, open)
	for i, t := range toks {
		from, ok, _ := s.hintOf(t)
		if !ok {
			continue
		}
		if open < 0 || i < open || t.Line == toks[open].Line && !covered(elems, t.Line) {
			// before the column list, or after its "(" on the CREATE TABLE line
			if tableHint != nil {
				return &Error{File: s.file, Line: t.Line, Msg: fmt.Sprintf("second table rename hint for %s (the first is on line %d)", table, tableHint.Line)}
			}
			tableHint = &toks[i]
			continue
		}
		var on []element
		for _, e := range elems {
			if e.firstLine <= t.Line && t.Line <= e.lastLine {
				on = append(on, e)
			}
		}
		switch {
		case len(on) == 0:
			return s.misplaced(t)
		case len(on) > 1:
			return &Error{File: s.file, Line: t.Line, Msg: "a rename hint on a line with several columns is ambiguous: put each column on its own line"}
		case on[0].constraint:
			return &Error{File: s.file, Line: t.Line, Msg: "a rename hint goes on a column's line, not a constraint's (constraints are matched by their definition)"}
		case on[0].name == "":
			// such as a MySQL "string" where a name should be
			return s.misplaced(t)
		}
		s.out = append(s.out, Rename{File: s.file, Line: t.Line, Table: table, Column: on[0].name, From: from})
	}
	if tableHint != nil {
		from, _, _ := s.hintOf(*tableHint)
		s.out = append(s.out, Rename{File: s.file, Line: tableHint.Line, Table: table, From: from})
	}
	return nil
}

func covered(elems []element, line int) bool {
	for _, e := range elems {
		if e.firstLine <= line && line <= e.lastLine {
			return true
		}
	}
	return false
}

// createTable returns the table a CREATE TABLE statement names and the
// index of its "(" (-1 without a column list), or "" for another
// statement.
func createTable(toks []sqlsplit.Token) (string, int) {
	var sig []int
	for i, t := range toks {
		if !t.Comment {
			sig = append(sig, i)
		}
	}
	word := func(k int) string {
		if k < len(sig) && toks[sig[k]].Word && !toks[sig[k]].Quoted {
			return strings.ToUpper(toks[sig[k]].Text)
		}
		return ""
	}
	k := 0
	if word(k) != "CREATE" {
		return "", -1
	}
	for k++; ; k++ {
		switch word(k) {
		case "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED":
			continue
		}
		break
	}
	if word(k) != "TABLE" {
		return "", -1
	}
	k++
	if word(k) == "IF" && word(k+1) == "NOT" && word(k+2) == "EXISTS" {
		k += 3
	}
	var parts []string
	for k < len(sig) {
		t := toks[sig[k]]
		if !t.Word {
			break
		}
		parts = append(parts, t.Text)
		k++
		if k < len(sig) && isPunct(toks[sig[k]], ".") {
			k++
			continue
		}
		break
	}
	if len(parts) == 0 {
		return "", -1
	}
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	open := -1
	if k < len(sig) && isPunct(toks[sig[k]], "(") {
		open = sig[k]
	}
	return strings.Join(parts, "."), open
}

// elements splits the column list that opens at toks[open] on its
// top-level commas.
func elements(toks []sqlsplit.Token, open int) []element {
	if open < 0 {
		return nil
	}
	var out []element
	var cur *element
	depth := 0
	for _, t := range toks[open+1:] {
		if t.Comment {
			continue
		}
		if !t.Word && !t.Literal {
			switch t.Text {
			case "(":
				depth++
			case ")":
				if depth == 0 {
					return out
				}
				depth--
			case ",":
				if depth == 0 {
					cur = nil
					continue
				}
			}
		}
		if cur == nil {
			out = append(out, element{firstLine: t.Line})
			cur = &out[len(out)-1]
			if t.Word {
				cur.name = t.Text
				cur.constraint = !t.Quoted && constraintWords[strings.ToUpper(t.Text)]
			}
		}
		cur.lastLine = lastLine(t)
	}
	return out
}
