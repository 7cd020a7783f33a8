package sqlite

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// BeginSQL implements dialect.Dialect: IMMEDIATE takes the write lock at
// BEGIN, so two migrators cannot both read the version and then write.
func (Dialect) BeginSQL() string { return "BEGIN IMMEDIATE" }

// Prepare implements dialect.Dialect. PRAGMA foreign_keys is ignored
// inside a transaction, so turning it off moves before BEGIN and turning
// it on after the end; foreign_key_check runs before COMMIT, where any
// row it returns fails the revision. Everything else stays in order.
func (Dialect) Prepare(stmts []string) dialect.Plan {
	var p dialect.Plan
	for _, s := range stmts {
		name, arg, ok := prepPragma(s)
		switch {
		case ok && name == "foreign_keys" && prepIsOff(arg):
			p.Before = append(p.Before, s)
		case ok && name == "foreign_keys" && prepIsOn(arg):
			p.After = append(p.After, s)
		case ok && name == "foreign_key_check":
			p.Checks = append(p.Checks, s)
		default:
			p.Body = append(p.Body, s)
		}
	}
	return p
}

func prepIsOff(v string) bool {
	switch v {
	case "off", "0", "false", "no":
		return true
	}
	return false
}

func prepIsOn(v string) bool {
	switch v {
	case "on", "1", "true", "yes":
		return true
	}
	return false
}

// prepPragma parses "PRAGMA [schema.]name [= value | (value)]" with any
// spacing, case, quoting, comments and trailing ';', returning the name
// and value lower-cased and unquoted.
func prepPragma(stmt string) (name, arg string, ok bool) {
	toks := prepTokens(stmt)
	if len(toks) < 2 || strings.ToLower(toks[0]) != "pragma" {
		return "", "", false
	}
	i := 1
	if len(toks) > 3 && toks[2] == "." {
		i = 3
	}
	name = strings.ToLower(prepUnquote(toks[i]))
	rest := toks[i+1:]
	switch {
	case len(rest) == 0:
		return name, "", true
	case len(rest) == 2 && rest[0] == "=":
		return name, strings.ToLower(prepUnquote(rest[1])), true
	case len(rest) == 3 && rest[0] == "(" && rest[2] == ")":
		return name, strings.ToLower(prepUnquote(rest[1])), true
	}
	return "", "", false
}

func prepUnquote(t string) string {
	if len(t) >= 2 {
		switch t[0] {
		case '"', '\'', '`':
			if t[len(t)-1] == t[0] {
				q := string(t[0])
				return strings.ReplaceAll(t[1:len(t)-1], q+q, q)
			}
		case '[':
			if t[len(t)-1] == ']' {
				return t[1 : len(t)-1]
			}
		}
	}
	return t
}

// prepTokens splits a short statement into words, quoted names, strings
// and single punctuation, dropping comments, whitespace and ';'.
func prepTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return toks
			}
			i += end + 4
		case c == '"' || c == '\'' || c == '`' || c == '[':
			closer := c
			if c == '[' {
				closer = ']'
			}
			j := i + 1
			for j < len(s) {
				if s[j] == closer {
					if closer != ']' && j+1 < len(s) && s[j+1] == closer {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(s) {
				toks = append(toks, s[i:])
				return toks
			}
			toks = append(toks, s[i:j+1])
			i = j + 1
		case c == '_' || c == '+' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			toks = append(toks, s[i:i+1])
			i++
		}
	}
	return toks
}
