package postgres

import (
	"fmt"
	"strconv"
	"strings"
)

// textArray scans a one-dimensional text[] in PostgreSQL's text output
// (database/sql receives arrays as text) into dst. pgx's generic array
// scanner plans the conversion anew for every value, which was a fifth
// of a cached check's client CPU on 500 tables (issue #15).
type textArray struct{ dst *[]string }

// Scan implements sql.Scanner.
func (a textArray) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*a.dst = nil
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("text array: cannot scan %T", src)
	}
	out, err := parseTextArray(s)
	if err != nil {
		return err
	}
	*a.dst = out
	return nil
}

// parseTextArray reads array_out's format: {a,"b c","d\"e"}. Elements
// are quoted when empty, NULL-like or holding a delimiter, brace, quote,
// backslash or white space; inside quotes, a backslash escapes the next
// character. An unquoted NULL (a null element) and anything else (more
// dimensions, explicit bounds) is an error naming the text.
func parseTextArray(s string) ([]string, error) {
	bad := func(why string) error { return fmt.Errorf("text array %q: %s", s, why) }
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return nil, bad("not a one-dimensional array")
	}
	body := s[1 : len(s)-1]
	if body == "" {
		return []string{}, nil
	}
	out := make([]string, 0, strings.Count(body, ",")+1)
	for i := 0; ; {
		var elem string
		if i < len(body) && body[i] == '"' {
			var sb strings.Builder
			j := i + 1
			for ; j < len(body) && body[j] != '"'; j++ {
				if body[j] == '\\' {
					j++
					if j == len(body) {
						break
					}
				}
				sb.WriteByte(body[j])
			}
			if j >= len(body) {
				return nil, bad("unterminated quoted element")
			}
			elem, i = sb.String(), j+1
		} else {
			j := i
			for j < len(body) && body[j] != ',' {
				if c := body[j]; c == '{' || c == '}' || c == '"' || c == '\\' {
					return nil, bad("unexpected " + string(c))
				}
				j++
			}
			elem = body[i:j]
			if elem == "" || strings.EqualFold(elem, "NULL") {
				return nil, bad("null or empty unquoted element")
			}
			i = j
		}
		out = append(out, elem)
		if i == len(body) {
			return out, nil
		}
		if body[i] != ',' {
			return nil, bad("expected a comma after an element")
		}
		i++
	}
}

// int64Array scans a one-dimensional bigint[] in text form into dst;
// NULL is nil.
type int64Array struct{ dst *[]int64 }

// Scan implements sql.Scanner.
func (a int64Array) Scan(src any) error {
	var texts []string
	if err := (textArray{&texts}).Scan(src); err != nil {
		return err
	}
	if texts == nil {
		*a.dst = nil
		return nil
	}
	out := make([]int64, len(texts))
	for i, t := range texts {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return fmt.Errorf("bigint array: element %d: %w", i+1, err)
		}
		out[i] = n
	}
	*a.dst = out
	return nil
}
