package op

import (
	"strings"
)

// applyRewriteIdents rewrites every identifier in a SQL expression (bare,
// "quoted", `quoted` or [quoted]) for which fn returns a replacement,
// leaving string literals and everything else untouched. Replacements are
// written double-quoted.
func applyRewriteIdents(expr string, fn func(name string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\'':
			j := applyQuoteEnd(expr, i, '\'')
			b.WriteString(expr[i:j])
			i = j
		case c == '"' || c == '`' || c == '[':
			end := c
			if c == '[' {
				end = ']'
			}
			j := applyQuoteEnd(expr, i, end)
			inner := expr[i+1 : max(i+1, j-1)]
			if c != '[' {
				inner = strings.ReplaceAll(inner, string(c)+string(c), string(c))
			}
			if n, ok := fn(inner); ok {
				b.WriteString(`"` + strings.ReplaceAll(n, `"`, `""`) + `"`)
			} else {
				b.WriteString(expr[i:j])
			}
			i = j
		case applyIdentStart(c):
			j := i + 1
			for j < len(expr) && applyIdentPart(expr[j]) {
				j++
			}
			// A function name or a qualifier is not a column.
			k := j
			for k < len(expr) && expr[k] == ' ' {
				k++
			}
			call := k < len(expr) && (expr[k] == '(' || expr[k] == '.')
			if n, ok := applyCall(fn, expr[i:j], call); ok {
				b.WriteString(`"` + strings.ReplaceAll(n, `"`, `""`) + `"`)
			} else {
				b.WriteString(expr[i:j])
			}
			i = j
		case c >= '0' && c <= '9':
			// Numbers such as 1e5 must not read as identifiers.
			j := i + 1
			for j < len(expr) && applyIdentPart(expr[j]) {
				j++
			}
			b.WriteString(expr[i:j])
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func applyCall(fn func(string) (string, bool), name string, skip bool) (string, bool) {
	if skip {
		return "", false
	}
	return fn(name)
}

// applyMentions reports whether expr names identifier name.
func applyMentions(expr, name string) bool {
	found := false
	applyRewriteIdents(expr, func(n string) (string, bool) {
		if strings.EqualFold(n, name) {
			found = true
		}
		return "", false
	})
	return found
}

// applyQuoteEnd returns the index just past the quoted run starting at i;
// a doubled closing quote is part of the run.
func applyQuoteEnd(s string, i int, end byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == end {
			if end != ']' && j+1 < len(s) && s[j+1] == end {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

func applyIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func applyIdentPart(c byte) bool {
	return applyIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

// ExprMentions reports whether a SQL expression names identifier ident
// (case-insensitively, outside string literals, not as a function name).
func ExprMentions(expr, ident string) bool { return applyMentions(expr, ident) }
