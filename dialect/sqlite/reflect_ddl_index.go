package sqlite

import "strings"

// reflIndexDDL is what a CREATE INDEX statement says about its key parts.
type reflIndexDDL struct {
	Parts []reflIndexPartDDL
	Where string
}

type reflIndexPartDDL struct {
	Expr      string // the part without COLLATE / ASC / DESC, as written
	Collation string // explicit COLLATE, upper-cased
}

// reflScanCreateIndex reads "CREATE [UNIQUE] INDEX name ON tbl (parts)
// [WHERE expr]"; it never panics.
func reflScanCreateIndex(src string) *reflIndexDDL {
	d := &reflIndexDDL{}
	toks := reflTokenize(src)
	open := -1
	for i, t := range toks {
		if t.punct('(') {
			open = i
			break
		}
	}
	if open < 0 {
		return d
	}
	cl := reflCloseParen(toks, open)
	for _, part := range reflSplitTop(toks[open+1 : cl]) {
		if n := len(part); n > 0 && (part[n-1].is("ASC") || part[n-1].is("DESC")) {
			part = part[:n-1]
		}
		p := reflIndexPartDDL{}
		if n := len(part); n >= 2 && part[n-2].is("COLLATE") {
			p.Collation = strings.ToUpper(part[n-1].ident())
			part = part[:n-2]
		}
		p.Expr = reflTextNoComments(src, part)
		d.Parts = append(d.Parts, p)
	}
	for i := cl + 1; i < len(toks); i++ {
		if toks[i].is("WHERE") {
			d.Where = reflTextNoComments(src, toks[i+1:])
			break
		}
	}
	return d
}

// reflViewDef returns the SELECT part of a CREATE VIEW statement,
// whitespace-normalized: everything after the first AS outside parentheses.
func reflViewDef(src string) string {
	toks := reflTokenize(src)
	depth := 0
	for i, t := range toks {
		switch {
		case t.punct('('):
			depth++
		case t.punct(')'):
			depth--
		case depth == 0 && t.is("AS"):
			return reflNormalize(src, toks[i+1:])
		}
	}
	return ""
}
