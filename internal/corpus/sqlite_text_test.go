package corpus

import (
	"strings"
)

// A small SQLite tokenizer, enough to read the facts of a CREATE TABLE
// that no pragma states. Tokens are normalized: identifiers and keywords
// lower case without quotes, string literals kept as written, comments
// dropped.

type token struct {
	text   string
	quoted bool // a string literal
}

func tokenize(src string) []token {
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "--"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return out
			}
			i += end + 4
		case c == '\'':
			j := i + 1
			for j < len(src) {
				if src[j] == '\'' {
					if j+1 < len(src) && src[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			out = append(out, token{text: src[i:min(j+1, len(src))], quoted: true})
			i = j + 1
		case c == '"' || c == '`' || c == '[':
			closer := byte(c)
			if c == '[' {
				closer = ']'
			}
			j := i + 1
			for j < len(src) && src[j] != closer {
				j++
			}
			out = append(out, token{text: strings.ToLower(src[i+1 : min(j, len(src))])})
			i = j + 1
		case isWordByte(c):
			j := i
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			out = append(out, token{text: strings.ToLower(src[i:j])})
			i = j
		case strings.ContainsRune("<>=!|", rune(c)):
			j := i
			for j < len(src) && strings.ContainsRune("<>=!|", rune(src[j])) {
				j++
			}
			out = append(out, token{text: src[i:j]})
			i = j
		default:
			out = append(out, token{text: string(c)})
			i++
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func normalizeTokens(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// splitItems returns the comma-separated items inside the first
// parenthesis of ts, and the tokens after its closing one.
func splitItems(ts []token) (items [][]token, after []token) {
	start := -1
	for i, t := range ts {
		if t.text == "(" && !t.quoted {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, nil
	}
	depth, from := 0, start+1
	for i := start; i < len(ts); i++ {
		if ts[i].quoted {
			continue
		}
		switch ts[i].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				items = append(items, ts[from:i])
				return items, ts[i+1:]
			}
		case ",":
			if depth == 1 {
				items = append(items, ts[from:i])
				from = i + 1
			}
		}
	}
	return items, nil
}

// group returns the tokens inside the parenthesis opening at ts[i] and
// the index after its close.
func group(ts []token, i int) ([]token, int) {
	if i >= len(ts) || ts[i].text != "(" {
		return nil, i
	}
	depth := 0
	for j := i; j < len(ts); j++ {
		if ts[j].quoted {
			continue
		}
		switch ts[j].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return ts[i+1 : j], j + 1
			}
		}
	}
	return ts[i+1:], len(ts)
}

var tableConstraintWords = map[string]bool{"constraint": true, "primary": true, "unique": true, "check": true, "foreign": true}

// tableTextFacts lists what only a CREATE TABLE's text states: CHECK
// expressions with their names (column or table level alike; SQLite's
// error names a failing CHECK), COLLATE and generated expressions of
// columns, AUTOINCREMENT, a foreign key's DEFERRABLE clause, and the ON
// CONFLICT clauses of NOT NULL, PRIMARY KEY and UNIQUE ("conflict unique
// (a, b) replace", a column's key written as its table form). ABORT, the
// default, is left out, as are the clauses SQLite parses and ignores
// (on NULL and CHECK).
// The names of PRIMARY KEY, UNIQUE and FOREIGN KEY constraints are left
// out: SQLite keeps them in the text only and never uses them.
func tableTextFacts(sqlText string) []string {
	items, after := splitItems(tokenize(sqlText))
	var facts []string
	if len(after) > 0 {
		facts = append(facts, "options "+normalizeTokens(after))
	}
	for _, item := range items {
		if len(item) == 0 {
			continue
		}
		column := ""
		rest := item
		if !tableConstraintWords[item[0].text] {
			column, rest = item[0].text, item[1:]
		}
		name := ""
		key := "" // the constraint an ON CONFLICT here belongs to
		for i := 0; i < len(rest); i++ {
			t := rest[i]
			if t.quoted {
				continue
			}
			switch t.text {
			case "(":
				_, i = group(rest, i)
				i--
			case "constraint":
				if i+1 < len(rest) {
					name = rest[i+1].text
					i++
				}
			case "not":
				if i+1 < len(rest) && rest[i+1].text == "null" {
					key = "not null " + column
					i++
				}
			case "null":
				key = ""
			case "on":
				if i+2 < len(rest) && rest[i+1].text == "conflict" {
					if key != "" && rest[i+2].text != "abort" {
						facts = append(facts, "conflict "+key+" "+rest[i+2].text)
					}
					i += 2
				}
			case "check":
				key = ""
				expr, next := group(rest, i+1)
				facts = append(facts, "check name="+name+" "+normalizeTokens(expr))
				name, i = "", next-1
			case "primary", "unique":
				name = "" // SQLite reports no key's name, in no error either
				key = t.text
				cols := column
				if t.text == "primary" {
					key = "primary key"
				}
				if column == "" {
					j := i + 1
					for j < len(rest) && rest[j].text != "(" {
						j++
					}
					g, _ := group(rest, j)
					cols = keyColumns(g)
				}
				key += " (" + cols + ")"
			case "collate":
				if i+1 < len(rest) {
					facts = append(facts, "collate "+column+" "+rest[i+1].text)
					i++
				}
			case "as":
				expr, next := group(rest, i+1)
				kind := "virtual"
				if next < len(rest) && (rest[next].text == "stored" || rest[next].text == "virtual") {
					kind = rest[next].text
				}
				facts = append(facts, "generated "+column+" "+kind+" "+normalizeTokens(expr))
				i = next - 1
			case "autoincrement":
				facts = append(facts, "autoincrement "+column)
			case "foreign", "references":
				cols := column
				if t.text == "foreign" && i+2 < len(rest) {
					// FOREIGN KEY (cols) REFERENCES ...: read on from REFERENCES.
					g, next := group(rest, i+2)
					cols, i = normalizeTokens(g), next
				}
				facts = append(facts, "references ("+cols+") "+deferrable(rest[min(i+1, len(rest)):]))
				name, i = "", len(rest)
			}
		}
	}
	return facts
}

// deferrable reads a foreign key's DEFERRABLE clause as SQLite means it:
// "deferred" for DEFERRABLE INITIALLY DEFERRED, "deferrable" for
// DEFERRABLE [INITIALLY IMMEDIATE], "" for none or NOT DEFERRABLE
// [INITIALLY ...]. The first two both check immediately, but the
// table's SQL says DEFERRABLE, which retort keeps.
func deferrable(ts []token) string {
	for i, t := range ts {
		if t.text != "deferrable" {
			continue
		}
		if i > 0 && ts[i-1].text == "not" {
			return ""
		}
		if i+2 < len(ts) && ts[i+1].text == "initially" && ts[i+2].text == "deferred" {
			return "deferred"
		}
		return "deferrable"
	}
	return ""
}

// keyColumns lists the column names of a key's column list, without
// COLLATE or direction (index_xinfo states those).
func keyColumns(g []token) string {
	var cols []string
	first := true
	for _, t := range g {
		if !t.quoted && t.text == "," {
			first = true
			continue
		}
		if first {
			cols = append(cols, t.text)
		}
		first = false
	}
	return strings.Join(cols, ", ")
}
