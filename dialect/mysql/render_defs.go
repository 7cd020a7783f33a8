package mysql

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/schema"
)

// literal quotes a string for MySQL with its default sql_mode, where the
// backslash escapes.
func literal(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", "''") + "'"
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, ", ")
}

// columnDef is a full column definition, as ADD COLUMN, MODIFY COLUMN and
// CREATE TABLE take it.
func columnDef(c *schema.Column) string {
	var b strings.Builder
	b.WriteString(quote(c.Name) + " " + c.Type)
	if cs := c.Attrs["charset"]; cs != "" {
		b.WriteString(" CHARACTER SET " + cs)
	}
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if g := c.Generated; g != nil {
		kind := "VIRTUAL"
		if g.Stored {
			kind = "STORED"
		}
		fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) %s", g.Expr, kind)
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		}
	} else {
		if c.Nullable {
			b.WriteString(" NULL")
		} else {
			b.WriteString(" NOT NULL")
		}
		if c.Default != nil {
			b.WriteString(" DEFAULT " + defaultSQL(*c.Default))
		}
		if u := c.Attrs["on_update"]; u != "" {
			b.WriteString(" ON UPDATE " + u)
		}
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	}
	if c.Attrs["invisible"] == "true" {
		b.WriteString(" INVISIBLE")
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT " + literal(c.Comment))
	}
	return b.String()
}

var bareDefault = regexp.MustCompile(`(?i)^(-?[0-9][0-9.e+-]*|null|true|false|[bx]'[0-9a-f]*'|0x[0-9a-f]+|(current_timestamp|now|localtime|localtimestamp)(\(\d*\))?)$`)

// defaultSQL writes a default: literals and CURRENT_TIMESTAMP bare,
// other expressions in the parentheses MySQL 8 requires.
func defaultSQL(d string) string {
	switch {
	case bareDefault.MatchString(d):
		return d
	case strings.HasPrefix(d, "'") && closingQuote(d) == len(d)-1:
		return d
	case strings.HasPrefix(d, "(") && closingParen(d, 0) == len(d)-1:
		return d
	}
	return "(" + d + ")"
}

// closingQuote returns the index of the quote ending the literal that
// starts at 0, or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return i
		}
	}
	return -1
}

func indexParts(parts []schema.IndexPart) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		s := quote(p.Column)
		if p.Expr != "" {
			s = "(" + p.Expr + ")"
		} else if p.Prefix > 0 {
			s += fmt.Sprintf("(%d)", p.Prefix)
		}
		if p.Collation != "" {
			s += " COLLATE " + p.Collation
		}
		if p.Desc {
			s += " DESC"
		}
		out[i] = s
	}
	return strings.Join(out, ", ")
}

// indexKind is the keyword before KEY/INDEX.
func indexKind(ix *schema.Index) string {
	switch {
	case ix.Method == "FULLTEXT" || ix.Method == "SPATIAL":
		return ix.Method + " "
	case ix.Unique:
		return "UNIQUE "
	}
	return ""
}

// pkDef is PRIMARY KEY (...) with the key's USING, if written.
func pkDef(pk *schema.PrimaryKey) string {
	s := "PRIMARY KEY (" + quoteList(pk.Columns) + ")"
	if m := strings.ToUpper(pk.Method); m == "HASH" || m == "BTREE" {
		s += " USING " + m
	}
	return s
}

// indexTail holds the options after the key parts.
func (r *renderer) indexTail(ix *schema.Index) string {
	s := ""
	if m := strings.ToUpper(ix.Method); m == "HASH" || m == "BTREE" {
		s += " USING " + m
	}
	if ix.Comment != "" {
		s += " COMMENT " + literal(ix.Comment)
	}
	if ix.Invisible {
		s += " " + r.invisible
	}
	return s
}

func fkDef(fk *schema.ForeignKey, name string) (string, error) {
	if fk.Deferrable || fk.InitiallyDeferred {
		return "", fmt.Errorf("foreign key %s: MySQL has no deferrable foreign keys", name)
	}
	ref := quote(fk.RefTable)
	if fk.RefSchema != "" {
		ref = quote(fk.RefSchema) + "." + ref
	}
	s := fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)", quote(name), quoteList(fk.Columns), ref, quoteList(fk.RefColumns))
	if a := schema.Action(fk.OnDelete); a != schema.NoAction {
		s += " ON DELETE " + string(a)
	}
	if a := schema.Action(fk.OnUpdate); a != schema.NoAction {
		s += " ON UPDATE " + string(a)
	}
	return s, nil
}

func checkDef(ck *schema.Check) string {
	if ck.Name == "" {
		return "CHECK (" + ck.Expr + ")"
	}
	return "CONSTRAINT " + quote(ck.Name) + " CHECK (" + ck.Expr + ")"
}

// tableOptions writes ENGINE, charset, collation and comment; the
// fk_index bookkeeping options are not table options.
func tableOptions(t *schema.Table) string {
	var parts []string
	if e := t.Options["engine"]; e != "" {
		parts = append(parts, "ENGINE="+e)
	}
	if cs := t.Options["charset"]; cs != "" {
		parts = append(parts, "DEFAULT CHARSET="+cs)
	}
	if co := t.Options["collation"]; co != "" {
		parts = append(parts, "COLLATE="+co)
	}
	if t.Comment != "" {
		parts = append(parts, "COMMENT="+literal(t.Comment))
	}
	if len(parts) == 0 {
		return tableOptionsTail(t)
	}
	return " " + strings.Join(parts, " ") + tableOptionsTail(t)
}
