package postgres

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// pgDoCode returns the code of a DO statement: its string constants (the
// body, and a LANGUAGE given as a string) as the server reads them,
// whichever way they are quoted.
func pgDoCode(stmt string) []string {
	var out []string
	for _, lit := range sqlsplit.Literals(stmt, Dialect{}.SplitOptions()) {
		out = append(out, pgStringValue(lit))
	}
	return out
}

// pgStringValue returns the text a string constant stands for.
func pgStringValue(lit sqlsplit.Literal) string {
	s := lit.Text
	if s[0] == '$' {
		tag := s[:strings.IndexByte(s[1:], '$')+2]
		return strings.TrimSuffix(strings.TrimPrefix(s, tag), tag)
	}
	s = strings.TrimSuffix(s[1:], "'")
	if !lit.Escapes {
		return strings.ReplaceAll(s, "''", "'")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\'' && i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case s[i] == '\\' && i+1 < len(s):
			i += pgEscape(&b, s[i+1:])
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// pgEscape writes what the backslash escape starting at s (after the
// backslash) stands for in an E-string and returns its length.
func pgEscape(b *strings.Builder, s string) int {
	c := s[0]
	digits, base, max := 1, 16, 0
	switch c {
	case 'x':
		max = 2
	case 'u':
		max = 4
	case 'U':
		max = 8
	default:
		if c >= '0' && c <= '7' {
			digits, base, max = 0, 8, 3
			break
		}
		if k := strings.IndexByte("bfnrt", c); k >= 0 {
			c = "\b\f\n\r\t"[k]
		}
		b.WriteByte(c)
		return 1
	}
	n := digits
	for n < len(s) && n < digits+max && isBaseDigit(s[n], base) {
		n++
	}
	v, err := strconv.ParseUint(s[digits:n], base, 32)
	switch {
	case err != nil:
		b.WriteByte(c) // \x without digits is x
		return 1
	case c == 'u' || c == 'U':
		b.WriteRune(rune(v))
	default:
		b.WriteByte(byte(v))
	}
	return n
}

func isBaseDigit(c byte, base int) bool {
	if base == 8 {
		return c >= '0' && c <= '7'
	}
	return strings.IndexByte("0123456789abcdefABCDEF", c) >= 0
}
