package sqlite

import "strings"

// reflTableDDL is what a CREATE TABLE statement says that the pragmas do not.
type reflTableDDL struct {
	Columns      []reflColumnDDL
	PKName       string
	PKDesc       []string     // key columns declared DESC
	PKConflict   string       // the key's ON CONFLICT clause (see reflConflict)
	Uniques      []reflKeyDDL // column- and table-level, in declaration order
	Checks       []reflCheckDDL
	ForeignKeys  []reflFKDDL // in declaration order
	WithoutRowid bool
	Strict       bool
}

type reflColumnDDL struct {
	Name          string
	Collation     string
	AutoIncrement bool
	GenExpr       string
	GenStored     bool
	Generated     bool
	// NotNullConflict is the NOT NULL's ON CONFLICT clause (reflConflict).
	NotNullConflict string
}

type reflKeyDDL struct {
	Name     string
	Columns  []string
	Conflict string // ON CONFLICT clause (reflConflict)
}

type reflCheckDDL struct {
	Name string
	Expr string
}

type reflFKDDL struct {
	Name              string
	Columns           []string
	RefTable          string
	RefColumns        []string
	Deferrable        bool
	InitiallyDeferred bool
	Match             string
}

// reflScanCreateTable reads a CREATE TABLE statement. It is lenient: text it
// does not understand is skipped, and it never panics.
func reflScanCreateTable(src string) *reflTableDDL {
	d := &reflTableDDL{}
	toks := reflTokenize(src)
	open := -1
	for i, t := range toks {
		if t.punct('(') {
			open = i
			break
		}
		if t.is("AS") { // CREATE TABLE ... AS SELECT has no definitions
			return d
		}
	}
	if open < 0 {
		return d
	}
	cl := reflCloseParen(toks, open)
	for _, item := range reflSplitTop(toks[open+1 : cl]) {
		if len(item) == 0 {
			continue
		}
		if reflIsTableConstraint(item[0]) {
			d.tableConstraint(src, item)
		} else {
			d.column(src, item)
		}
	}
	if cl < len(toks) {
		for _, opt := range reflSplitTop(toks[cl+1:]) {
			switch {
			case len(opt) >= 2 && opt[0].is("WITHOUT") && opt[1].is("ROWID"):
				d.WithoutRowid = true
			case len(opt) >= 1 && opt[0].is("STRICT"):
				d.Strict = true
			}
		}
	}
	return d
}

func reflIsTableConstraint(t reflTok) bool {
	for _, kw := range []string{"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"} {
		if t.is(kw) {
			return true
		}
	}
	return false
}

// reflColumnStarts lists the words that end a column's type name.
var reflColumnStarts = []string{"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
	"CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"}

func reflIsColumnStart(t reflTok) bool {
	for _, kw := range reflColumnStarts {
		if t.is(kw) {
			return true
		}
	}
	return false
}

func (d *reflTableDDL) column(src string, item []reflTok) {
	col := reflColumnDDL{Name: item[0].ident()}
	i := 1
	// Skip the type name, including "(20)" or "(10, 2)".
	for i < len(item) && !reflIsColumnStart(item[i]) {
		if item[i].punct('(') {
			i = reflCloseParen(item, i)
		}
		i++
	}
	name := ""
	for i < len(item) {
		t := item[i]
		switch {
		case t.is("CONSTRAINT") && i+1 < len(item):
			name = item[i+1].ident()
			i += 2
			continue
		case t.is("PRIMARY"):
			d.PKName = name
			i++
			for i < len(item) && !reflIsColumnStart(item[i]) {
				if c, next, ok := reflConflict(item, i); ok {
					d.PKConflict, i = c, next
					continue
				}
				if item[i].is("AUTOINCREMENT") {
					col.AutoIncrement = true
				}
				if item[i].is("DESC") {
					d.PKDesc = []string{col.Name}
				}
				i++
			}
		case t.is("UNIQUE"):
			u := reflKeyDDL{Name: name, Columns: []string{col.Name}}
			i++
			if c, next, ok := reflConflict(item, i); ok {
				u.Conflict, i = c, next
			}
			d.Uniques = append(d.Uniques, u)
		case t.is("NOT") && i+1 < len(item) && item[i+1].is("NULL"):
			i += 2
			if c, next, ok := reflConflict(item, i); ok {
				col.NotNullConflict, i = c, next
			}
		case t.is("CHECK") && i+1 < len(item) && item[i+1].punct('('):
			expr, cl := reflInner(src, item, i+1)
			d.Checks = append(d.Checks, reflCheckDDL{Name: name, Expr: expr})
			i = cl + 1
		case t.is("COLLATE") && i+1 < len(item):
			col.Collation = strings.ToUpper(item[i+1].ident())
			i += 2
		case t.is("DEFAULT"):
			i = reflSkipDefault(item, i+1)
		case t.is("REFERENCES"):
			fk := reflFKDDL{Name: name, Columns: []string{col.Name}}
			i = fk.references(item, i+1)
			d.ForeignKeys = append(d.ForeignKeys, fk)
		case t.is("GENERATED") || t.is("AS"):
			for i < len(item) && !item[i].punct('(') {
				i++
			}
			if i < len(item) {
				expr, cl := reflInner(src, item, i)
				col.Generated, col.GenExpr = true, expr
				i = cl + 1
			}
			if i < len(item) && item[i].is("STORED") {
				col.GenStored = true
				i++
			} else if i < len(item) && item[i].is("VIRTUAL") {
				i++
			}
		default:
			// NULL [ON CONFLICT ...]: SQLite ignores the clause there.
			if t.punct('(') {
				i = reflCloseParen(item, i)
			}
			i++
		}
		name = ""
	}
	d.Columns = append(d.Columns, col)
}

// reflSkipDefault skips a DEFAULT value: a literal, a signed number or a
// parenthesized expression.
func reflSkipDefault(item []reflTok, i int) int {
	if i < len(item) && (item[i].punct('+') || item[i].punct('-')) {
		i++
	}
	if i < len(item) && item[i].punct('(') {
		return reflCloseParen(item, i) + 1
	}
	// A number like 1.5e3 tokenizes as word '.' word.
	i++
	for i+1 < len(item) && item[i].punct('.') && item[i+1].kind == reflWord {
		i += 2
	}
	return i
}

func (d *reflTableDDL) tableConstraint(src string, item []reflTok) {
	name := ""
	i := 0
	if item[0].is("CONSTRAINT") && len(item) > 1 {
		name = item[1].ident()
		i = 2
	}
	if i >= len(item) {
		return
	}
	t := item[i]
	switch {
	case t.is("PRIMARY"):
		d.PKName = name
		d.PKDesc = reflDescColumns(item, i+1)
		_, j := reflColumnList(item, i+1)
		d.PKConflict, _, _ = reflConflict(item, j)
	case t.is("UNIQUE"):
		cols, j := reflColumnList(item, i+1)
		c, _, _ := reflConflict(item, j)
		d.Uniques = append(d.Uniques, reflKeyDDL{Name: name, Columns: cols, Conflict: c})
	case t.is("CHECK"):
		for i < len(item) && !item[i].punct('(') {
			i++
		}
		if i < len(item) {
			expr, _ := reflInner(src, item, i)
			d.Checks = append(d.Checks, reflCheckDDL{Name: name, Expr: expr})
		}
	case t.is("FOREIGN"):
		cols, j := reflColumnList(item, i+1)
		fk := reflFKDDL{Name: name, Columns: cols}
		for j < len(item) && !item[j].is("REFERENCES") {
			j++
		}
		if j < len(item) {
			fk.references(item, j+1)
		}
		d.ForeignKeys = append(d.ForeignKeys, fk)
	}
}

// reflColumnList reads "( a COLLATE x DESC, b )" starting at or after i and
// returns the column names and the index after the ')'.
func reflColumnList(item []reflTok, i int) ([]string, int) {
	for i < len(item) && !item[i].punct('(') {
		i++
	}
	if i >= len(item) {
		return nil, i
	}
	cl := reflCloseParen(item, i)
	var cols []string
	for _, part := range reflSplitTop(item[i+1 : min(cl, len(item))]) {
		if len(part) > 0 && part[0].isName() {
			cols = append(cols, part[0].ident())
		}
	}
	return cols, cl + 1
}

// reflDescColumns returns the columns of the list starting at or after i
// that are sorted DESC.
func reflDescColumns(item []reflTok, i int) []string {
	for i < len(item) && !item[i].punct('(') {
		i++
	}
	if i >= len(item) {
		return nil
	}
	cl := reflCloseParen(item, i)
	var desc []string
	for _, part := range reflSplitTop(item[i+1 : min(cl, len(item))]) {
		if n := len(part); n > 1 && part[0].isName() && part[n-1].is("DESC") {
			desc = append(desc, part[0].ident())
		}
	}
	return desc
}

// references reads "tbl [(cols)] [ON ...] [MATCH x] [[NOT] DEFERRABLE
// [INITIALLY ...]]" from item[i:] and returns where the clause ends.
func (fk *reflFKDDL) references(item []reflTok, i int) int {
	if i < len(item) && item[i].isName() {
		fk.RefTable = item[i].ident()
		i++
	}
	if i < len(item) && item[i].punct('(') {
		fk.RefColumns, i = reflColumnList(item, i)
	}
	deferrable, initDeferred := false, false
	for i < len(item) {
		t := item[i]
		switch {
		case t.is("ON"):
			// ON DELETE|UPDATE SET NULL|SET DEFAULT|CASCADE|RESTRICT|NO ACTION
			i += 2
			if i < len(item) && (item[i].is("SET") || item[i].is("NO")) {
				i++
			}
			i++
		case t.is("MATCH") && i+1 < len(item):
			fk.Match = strings.ToUpper(item[i+1].ident())
			i += 2
		case t.is("NOT") && i+1 < len(item) && item[i+1].is("DEFERRABLE"):
			deferrable = false
			i += 2
		case t.is("DEFERRABLE"):
			deferrable = true
			i++
		case t.is("INITIALLY") && i+1 < len(item):
			initDeferred = item[i+1].is("DEFERRED")
			i += 2
		default:
			fk.Deferrable = deferrable
			// SQLite defers only DEFERRABLE INITIALLY DEFERRED keys.
			fk.InitiallyDeferred = deferrable && initDeferred
			return i
		}
	}
	fk.Deferrable = deferrable
	fk.InitiallyDeferred = deferrable && initDeferred
	return i
}

// reflConflict reads "ON CONFLICT x" at item[i] and returns x upper-cased
// and the index after it. ABORT, the default, comes back as "": SQLite
// treats an explicit ABORT as no clause, and so does retort.
func reflConflict(item []reflTok, i int) (string, int, bool) {
	if i+2 >= len(item) || !item[i].is("ON") || !item[i+1].is("CONFLICT") {
		return "", i, false
	}
	c := strings.ToUpper(item[i+2].ident())
	if c == "ABORT" {
		c = ""
	}
	return c, i + 3, true
}
