package dialect

import (
	"strconv"
	"strings"
)

// TypeText is a column type split the way every dialect spells one:
// "numeric(10, 2)" is numeric with args 10 and 2; "int(10) unsigned" is
// int with arg 10, then unsigned; "timestamp(3) without time zone" is
// timestamp with arg 3, then "without time zone". Lower case, single
// spaces; an arg keeps its quotes ("enum('a','b')").
type TypeText struct {
	Name  string
	Args  []string
	After string
}

// ParseTypeText splits a column type's text.
func ParseTypeText(s string) TypeText {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return TypeText{Name: s}
	}
	t := TypeText{Name: strings.TrimSpace(s[:open])}
	depth, start := 0, open+1
	var quote byte
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ',' && depth == 1:
			t.Args = append(t.Args, strings.TrimSpace(s[start:i]))
			start = i + 1
		case c == ')':
			depth--
			if depth == 0 {
				t.Args = append(t.Args, strings.TrimSpace(s[start:i]))
				t.After = strings.TrimSpace(s[i+1:])
				return t
			}
		}
	}
	return TypeText{Name: s} // unbalanced: taken as a name
}

// Arg returns the i-th argument as a number, or def when it is absent or
// not a number.
func (t TypeText) Arg(i, def int) int {
	if i >= len(t.Args) {
		return def
	}
	n, err := strconv.Atoi(t.Args[i])
	if err != nil {
		return def
	}
	return n
}

// Full is the name with the words after the arguments: "timestamp
// without time zone" for "timestamp(3) without time zone".
func (t TypeText) Full() string {
	if t.After == "" {
		return t.Name
	}
	return t.Name + " " + t.After
}
