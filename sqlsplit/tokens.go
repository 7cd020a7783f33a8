package sqlsplit

import "strings"

// Token is one word or punctuation character of a statement; Tokens
// leaves strings, numbers and comments out, Lex keeps them. The code of a
// MySQL executable comment (/*! ... */) is read as code, since the server
// runs it.
type Token struct {
	// Text is an identifier as written inside its quotes, one punctuation
	// character, or (Lex) a comment, string or number as written.
	Text   string
	Word   bool // an identifier or keyword
	Quoted bool // a quoted identifier
	Line   int  // 1-based line of sql the token starts on

	Comment bool // (Lex) a line or block comment, its markers included
	Literal bool // (Lex) a string or number constant

	// Exec is the marker of the executable comment the token is code
	// of, as written ("/*!50001", "/*M!999999"); "" outside one. The
	// server runs that code only from the version the marker names.
	Exec string
}

// Tokens splits sql into words and punctuation under the lexing rules o,
// the ones SplitWith follows. An unterminated quote or comment runs to
// the end of sql.
func Tokens(sql string, o Options) []Token {
	return lex(sql, o, false)
}

// Lex is Tokens with the comments, strings and numbers kept in place,
// for a reader that needs a comment's neighbours (rename hints).
func Lex(sql string, o Options) []Token {
	return lex(sql, o, true)
}

func lex(sql string, o Options, all bool) []Token {
	var out []Token
	l := lexer{src: sql, o: o}
	line := 1
	exec := ""
	for l.more() {
		x := l.next()
		text := sql[x.start:x.end]
		t := Token{Text: text, Line: line, Exec: exec}
		line += strings.Count(text, "\n")
		switch x.kind {
		case lexExecOpen:
			exec = text
			continue
		case lexExecClose:
			exec = ""
			continue
		case lexWord:
			t.Word = true
		case lexIdent:
			t.Text, t.Word, t.Quoted = unquote(text, x.unterminated != ""), true, true
		case lexPunct:
		case lexComment:
			t.Comment = true
		case lexString, lexNumber:
			t.Literal = true
		default: // blanks
			continue
		}
		if all || !t.Comment && !t.Literal {
			out = append(out, t)
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
