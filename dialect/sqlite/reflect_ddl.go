package sqlite

import "strings"

// ddlscan is a small tokenizer for the SQL text SQLite keeps in
// sqlite_master. It is not a parser: reflection takes everything it can from
// the pragmas and reads only what they leave out (constraint names, CHECK and
// generated expressions, deferrability, collations) from the tokens.

type reflTokKind int

const (
	reflWord   reflTokKind = iota // keyword, bare identifier or number
	reflQuoted                    // "x", `x` or [x]
	reflString                    // 'x'
	reflPunct                     // one character of punctuation
)

type reflTok struct {
	kind       reflTokKind
	start, end int // byte offsets into the source
	text       string
}

// is reports whether the token is the bare keyword kw (case-insensitive).
func (t reflTok) is(kw string) bool {
	return t.kind == reflWord && strings.EqualFold(t.text, kw)
}

func (t reflTok) punct(c byte) bool {
	return t.kind == reflPunct && t.text[0] == c
}

// ident returns the identifier a token names, unquoted. SQLite accepts a
// string literal where an identifier is expected, so those count too.
func (t reflTok) ident() string {
	switch t.kind {
	case reflQuoted:
		body := t.text[1:]
		switch t.text[0] {
		case '"':
			return strings.ReplaceAll(strings.TrimSuffix(body, `"`), `""`, `"`)
		case '`':
			return strings.ReplaceAll(strings.TrimSuffix(body, "`"), "``", "`")
		default:
			return strings.TrimSuffix(body, "]")
		}
	case reflString:
		return strings.ReplaceAll(strings.TrimSuffix(t.text[1:], "'"), "''", "'")
	}
	return t.text
}

func (t reflTok) isName() bool {
	return t.kind == reflWord || t.kind == reflQuoted || t.kind == reflString
}

func reflWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// reflTokenize splits src into tokens, dropping whitespace and comments. An
// unterminated quote or comment runs to the end of src; it never fails.
func reflTokenize(src string) []reflTok {
	var out []reflTok
	i := 0
	for i < len(src) {
		c := src[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				i = len(src)
			} else {
				i += 2 + end + 2
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			i = reflQuoteEnd(src, i+1, c)
			kind := reflQuoted
			if c == '\'' {
				kind = reflString
			}
			out = append(out, reflTok{kind, start, i, src[start:i]})
		case c == '[':
			end := strings.IndexByte(src[i:], ']')
			if end < 0 {
				i = len(src)
			} else {
				i += end + 1
			}
			out = append(out, reflTok{reflQuoted, start, i, src[start:i]})
		case reflWordByte(c):
			for i < len(src) && reflWordByte(src[i]) {
				i++
			}
			out = append(out, reflTok{reflWord, start, i, src[start:i]})
		default:
			i++
			out = append(out, reflTok{reflPunct, start, i, src[start:i]})
		}
	}
	return out
}

// reflQuoteEnd returns the offset just past the closing quote q, treating a
// doubled quote as an escaped one.
func reflQuoteEnd(src string, i int, q byte) int {
	for i < len(src) {
		if src[i] == q {
			if i+1 < len(src) && src[i+1] == q {
				i += 2
				continue
			}
			return i + 1
		}
		i++
	}
	return len(src)
}

// reflCloseParen returns the index of the token closing the '(' at toks[open],
// or len(toks) when it is never closed.
func reflCloseParen(toks []reflTok, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].punct('('):
			depth++
		case toks[i].punct(')'):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}

// reflSplitTop splits toks at commas outside parentheses.
func reflSplitTop(toks []reflTok) [][]reflTok {
	var parts [][]reflTok
	depth, from := 0, 0
	for i, t := range toks {
		switch {
		case t.punct('('):
			depth++
		case t.punct(')'):
			depth--
		case t.punct(',') && depth == 0:
			parts = append(parts, toks[from:i])
			from = i + 1
		}
	}
	return append(parts, toks[from:])
}

// reflInner is the text between the '(' at toks[open] and its ')', as
// written but without comments: a "--" comment would swallow the ')' a
// renderer puts after the expression.
func reflInner(src string, toks []reflTok, open int) (string, int) {
	cl := reflCloseParen(toks, open)
	return reflTextNoComments(src, toks[open+1:min(cl, len(toks))]), cl
}

// reflTextNoComments is the tokens' source text with whitespace between them
// kept as written and any gap holding a comment turned into one space.
func reflTextNoComments(src string, toks []reflTok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			gap := src[toks[i-1].end:t.start]
			if strings.TrimSpace(gap) == "" {
				b.WriteString(gap)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// reflNormalize rebuilds the tokens' text with every run of whitespace or
// comments between two tokens turned into a single space; literals keep
// their content.
func reflNormalize(src string, toks []reflTok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.start > toks[i-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
