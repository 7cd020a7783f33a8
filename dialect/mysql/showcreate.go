package mysql

import "strings"

// tableDef is what reflection takes from a table's SHOW CREATE TABLE:
// only what information_schema does not keep.
type tableDef struct {
	// using is each key's USING clause as written ("BTREE", "HASH"), by
	// key name ("PRIMARY" for the primary key); keys without one are
	// absent. InnoDB builds a B-tree either way and STATISTICS says BTREE
	// for all of them; only the table definition keeps the clause.
	using map[string]string
	// options are the table options after the closing parenthesis, by
	// lower-case name ("transactional" -> "1"), up to the partitioning.
	options map[string]string
}

// defToken is one token of a table definition. Quoted identifiers are
// unquoted (ident), strings keep their quotes; the rest are words and
// the punctuation ( ) , as one-character words.
type defToken struct {
	text  string
	ident bool
}

// lexDef splits a SHOW CREATE TABLE statement into tokens. Backquoted
// (and, under ANSI_QUOTES, double-quoted) identifiers double their quote
// to escape it; strings escape with a backslash or a doubled quote.
func lexDef(def string) []defToken {
	var toks []defToken
	for i := 0; i < len(def); {
		c := def[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')' || c == ',':
			toks = append(toks, defToken{text: def[i : i+1]})
			i++
		case c == '`' || c == '"':
			var b strings.Builder
			j := i + 1
			for j < len(def) {
				if def[j] == c {
					if j+1 < len(def) && def[j+1] == c {
						b.WriteByte(c)
						j += 2
						continue
					}
					break
				}
				b.WriteByte(def[j])
				j++
			}
			toks = append(toks, defToken{text: b.String(), ident: true})
			i = j + 1
		case c == '\'':
			j := i + 1
			for j < len(def) {
				if def[j] == '\\' {
					j += 2
					continue
				}
				if def[j] == '\'' {
					if j+1 < len(def) && def[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(def))
			toks = append(toks, defToken{text: def[i:j]})
			i = j
		default:
			j := i
			for j < len(def) && !strings.ContainsRune(" \t\n\r(),`\"'", rune(def[j])) {
				j++
			}
			toks = append(toks, defToken{text: def[i:j]})
			i = j
		}
	}
	return toks
}

// parseTableDef reads the key algorithms and table options out of a
// SHOW CREATE TABLE statement. What it does not recognise it skips.
func parseTableDef(def string) tableDef {
	d := tableDef{using: map[string]string{}, options: map[string]string{}}
	toks := lexDef(def)
	i := 0
	for i < len(toks) && (toks[i].ident || toks[i].text != "(") {
		i++
	}
	i++
	// The definitions, one per comma at depth 1, up to the ")" closing
	// the list.
	for i < len(toks) {
		end, depth := i, 0
		for end < len(toks) {
			t := toks[end]
			if !t.ident && t.text == "(" {
				depth++
			} else if !t.ident && t.text == ")" {
				if depth == 0 {
					break
				}
				depth--
			} else if !t.ident && t.text == "," && depth == 0 {
				break
			}
			end++
		}
		keyUsing(toks[i:end], d.using)
		if end >= len(toks) || toks[end].text == ")" {
			i = end + 1
			break
		}
		i = end + 1
	}
	for ; i < len(toks); i++ {
		t := toks[i]
		if t.ident || strings.HasPrefix(t.text, "'") {
			continue // a name or a string (a COMMENT's)
		}
		up := strings.ToUpper(t.text)
		if up == "PARTITION" || strings.HasPrefix(up, "/*") {
			break
		}
		if k, v, ok := strings.Cut(t.text, "="); ok && k != "" && v != "" {
			d.options[strings.ToLower(k)] = v
		}
	}
	return d
}

// keyUsing records the USING of one definition if it is a key:
// PRIMARY KEY (...), UNIQUE KEY `n` (...), KEY `n` (...). FULLTEXT and
// SPATIAL keys, columns and constraints are skipped.
func keyUsing(item []defToken, using map[string]string) {
	word := func(i int, w string) bool {
		return i < len(item) && !item[i].ident && strings.EqualFold(item[i].text, w)
	}
	var name string
	var rest int
	switch {
	case word(0, "PRIMARY") && word(1, "KEY"):
		name, rest = "PRIMARY", 2
	case word(0, "UNIQUE") && (word(1, "KEY") || word(1, "INDEX")) && len(item) > 2 && item[2].ident:
		name, rest = item[2].text, 3
	case (word(0, "KEY") || word(0, "INDEX")) && len(item) > 1 && item[1].ident:
		name, rest = item[1].text, 2
	default:
		return
	}
	depth := 0
	for i := rest; i < len(item); i++ {
		t := item[i]
		switch {
		case !t.ident && t.text == "(":
			depth++
		case !t.ident && t.text == ")":
			depth--
		case depth == 0 && word(i, "USING") && i+1 < len(item) && !item[i+1].ident:
			using[name] = strings.ToUpper(item[i+1].text)
			return
		}
	}
}
