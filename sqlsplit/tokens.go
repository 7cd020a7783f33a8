package sqlsplit

import "strings"

// Token is one word or punctuation character of a statement, with
// strings, numbers and comments left out. The code of a MySQL executable
// comment (/*! ... */) is read as code, since the server runs it.
type Token struct {
	Text   string // an identifier as written inside its quotes, or one punctuation character
	Word   bool   // an identifier or keyword
	Quoted bool   // a quoted identifier
}

// Tokens splits sql into words and punctuation under the lexing rules o,
// the ones SplitWith follows. An unterminated quote or comment runs to
// the end of sql.
func Tokens(sql string, o Options) []Token {
	var out []Token
	l := lexer{src: sql, o: o}
	for l.more() {
		x := l.next()
		text := sql[x.start:x.end]
		switch x.kind {
		case lexWord:
			out = append(out, Token{Text: text, Word: true})
		case lexIdent:
			out = append(out, Token{Text: unquote(text, x.unterminated != ""), Word: true, Quoted: true})
		case lexPunct:
			out = append(out, Token{Text: text})
		}
	}
	return out
}

// unquote returns the name a quoted identifier spells.
func unquote(text string, unterminated bool) string {
	q := text[0]
	body := text[1:]
	if !unterminated {
		body = body[:len(body)-1]
	}
	if q == '[' {
		return body
	}
	return strings.ReplaceAll(body, string([]byte{q, q}), string(q))
}

// Literal is a string constant as written.
type Literal struct {
	Text    string // quotes or $tag$s included
	Escapes bool   // backslash escapes apply inside (E'...', or BackslashEscapes)
}

// Literals returns the string constants of sql, read as Tokens reads it.
func Literals(sql string, o Options) []Literal {
	var out []Literal
	l := lexer{src: sql, o: o}
	for l.more() {
		if x := l.next(); x.kind == lexString {
			q := sql[x.start]
			esc := q != '$' && (o.BackslashEscapes || q == '\'' && isEString(sql, x.start))
			out = append(out, Literal{Text: sql[x.start:x.end], Escapes: esc})
		}
	}
	return out
}
