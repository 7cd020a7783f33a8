package sqlite

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

func renderQ(ident string) string { return Dialect{}.Quote(ident) }

func renderQList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = renderQ(c)
	}
	return strings.Join(q, ", ")
}

// renderOption reports whether a table option such as "WITHOUT ROWID" or
// "STRICT" is set (reflection stores them as "true").
func renderOption(t *schema.Table, name string) bool {
	for k, v := range t.Options {
		if strings.EqualFold(strings.ReplaceAll(k, "_", " "), name) {
			v = strings.ToLower(strings.TrimSpace(v))
			return v != "false" && v != "0" && v != "no"
		}
	}
	return false
}

// renderRowidAlias returns the column that is the table's INTEGER PRIMARY
// KEY (the rowid alias), or nil. It must be declared inline to stay one.
func renderRowidAlias(t *schema.Table) *schema.Column {
	if t.PrimaryKey == nil || len(t.PrimaryKey.Columns) != 1 || renderOption(t, "WITHOUT ROWID") {
		return nil
	}
	c := t.Column(t.PrimaryKey.Columns[0])
	if c == nil || !strings.EqualFold(strings.TrimSpace(c.Type), "INTEGER") {
		return nil
	}
	return c
}

// renderCreateTable renders CREATE TABLE name for t, whose constraints
// must already be named (schema.Naming.NameConstraints).
func renderCreateTable(t *schema.Table, name string) string {
	var items []string
	alias := renderRowidAlias(t)
	if alias != nil && len(t.PrimaryKey.Desc) > 0 && !alias.AutoIncrement {
		// Inline PRIMARY KEY DESC is no rowid alias; the table constraint
		// PRIMARY KEY (a DESC) is one and keeps the direction.
		alias = nil
	}
	for _, c := range t.Columns {
		items = append(items, renderColumnDef(c, c == alias, t.PrimaryKey))
	}
	if t.PrimaryKey != nil && alias == nil && len(t.PrimaryKey.Columns) > 0 {
		items = append(items, renderConstraintName(t.PrimaryKey.Name)+"PRIMARY KEY ("+renderKeyList(t.PrimaryKey)+")"+renderConflict(t.PrimaryKey.OnConflict))
	}
	for _, u := range t.Uniques {
		items = append(items, renderConstraintName(u.Name)+"UNIQUE ("+renderQList(u.Columns)+")"+renderConflict(u.OnConflict))
	}
	for _, ck := range t.Checks {
		items = append(items, renderConstraintName(ck.Name)+"CHECK ("+ck.Expr+")")
	}
	for _, fk := range t.ForeignKeys {
		items = append(items, renderConstraintName(fk.Name)+"FOREIGN KEY ("+renderQList(fk.Columns)+") "+renderReferences(fk))
	}
	var opts []string
	if renderOption(t, "WITHOUT ROWID") {
		opts = append(opts, "WITHOUT ROWID")
	}
	if renderOption(t, "STRICT") {
		opts = append(opts, "STRICT")
	}
	s := "CREATE TABLE " + renderQ(name) + " (\n  " + strings.Join(items, ",\n  ") + "\n)"
	if len(opts) > 0 {
		s += " " + strings.Join(opts, ", ")
	}
	return s
}

// renderKeyList renders a primary key's columns with their direction.
func renderKeyList(pk *schema.PrimaryKey) string {
	q := make([]string, len(pk.Columns))
	for i, c := range pk.Columns {
		q[i] = renderQ(c)
		for _, d := range pk.Desc {
			if strings.EqualFold(d, c) {
				q[i] += " DESC"
			}
		}
	}
	return strings.Join(q, ", ")
}

// renderConflict writes a constraint's ON CONFLICT clause, "" for none.
func renderConflict(c string) string {
	if c == "" {
		return ""
	}
	return " ON CONFLICT " + c
}

func renderConstraintName(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + renderQ(name) + " "
}

// renderColumnDef renders one column; alias marks the rowid alias, whose
// primary key is declared inline.
func renderColumnDef(c *schema.Column, alias bool, pk *schema.PrimaryKey) string {
	var b strings.Builder
	b.WriteString(renderQ(c.Name))
	if c.Type != "" {
		b.WriteString(" " + c.Type)
	}
	if alias {
		b.WriteString(" " + renderConstraintName(pk.Name) + "PRIMARY KEY" + renderConflict(pk.OnConflict))
		if c.AutoIncrement {
			b.WriteString(" AUTOINCREMENT")
		}
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL" + renderConflict(c.NotNullConflict))
	}
	if c.Default != nil && c.Generated == nil {
		b.WriteString(" DEFAULT " + renderDefault(*c.Default))
	}
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if g := c.Generated; g != nil {
		b.WriteString(" GENERATED ALWAYS AS (" + g.Expr + ")")
		if g.Stored {
			b.WriteString(" STORED")
		} else {
			b.WriteString(" VIRTUAL")
		}
	}
	return b.String()
}

// renderDefault writes a default as SQLite accepts it: literals as they
// are, any other expression in parentheses.
func renderDefault(d string) string {
	d = strings.TrimSpace(d)
	if renderIsLiteral(d) || strings.HasPrefix(d, "(") && strings.HasSuffix(d, ")") {
		return d
	}
	switch strings.ToUpper(d) {
	case "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP":
		return d
	}
	return "(" + d + ")"
}

// renderIsLiteral reports a constant literal: a string, a blob, a signed
// number, NULL, TRUE or FALSE.
func renderIsLiteral(d string) bool {
	if d == "" {
		return false
	}
	switch strings.ToUpper(d) {
	case "NULL", "TRUE", "FALSE":
		return true
	}
	if len(d) >= 2 && d[0] == '\'' && d[len(d)-1] == '\'' && !strings.Contains(strings.ReplaceAll(d[1:len(d)-1], "''", ""), "'") {
		return true
	}
	if len(d) >= 3 && (d[0] == 'x' || d[0] == 'X') && d[1] == '\'' && d[len(d)-1] == '\'' {
		return true
	}
	n := strings.TrimLeft(d, "+-")
	if n == "" {
		return false
	}
	for _, c := range strings.ToLower(n) {
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'x' || c >= 'a' && c <= 'f' || c == '+' || c == '-') {
			return false
		}
	}
	return n[0] >= '0' && n[0] <= '9' || n[0] == '.'
}

func renderReferences(fk *schema.ForeignKey) string {
	s := "REFERENCES " + renderQ(fk.RefTable)
	if len(fk.RefColumns) > 0 {
		s += " (" + renderQList(fk.RefColumns) + ")"
	}
	if a := schema.Action(fk.OnDelete); a != schema.NoAction {
		s += " ON DELETE " + string(a)
	}
	if a := schema.Action(fk.OnUpdate); a != schema.NoAction {
		s += " ON UPDATE " + string(a)
	}
	if m := schema.MatchType(fk.Match); m != schema.MatchSimple {
		s += " MATCH " + string(m)
	}
	switch {
	case fk.InitiallyDeferred:
		s += " DEFERRABLE INITIALLY DEFERRED"
	case fk.Deferrable:
		s += " DEFERRABLE INITIALLY IMMEDIATE"
	}
	return s
}

// renderCreateIndex renders an index from the model.
func renderCreateIndex(ix *schema.Index, table string) string {
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		s := renderQ(p.Column)
		if p.Expr != "" {
			s = p.Expr
		}
		if p.Collation != "" {
			s += " COLLATE " + p.Collation
		}
		if p.Desc {
			s += " DESC"
		}
		parts[i] = s
	}
	u := ""
	if ix.Unique {
		u = "UNIQUE "
	}
	s := "CREATE " + u + "INDEX " + renderQ(ix.Name) + " ON " + renderQ(table) + " (" + strings.Join(parts, ", ") + ")"
	if ix.Where != "" {
		s += " WHERE " + ix.Where
	}
	return s
}

func renderCreateView(v *schema.View) string {
	if v.SQL != "" {
		return v.SQL
	}
	return "CREATE VIEW " + renderQ(v.Name) + " AS " + v.Def
}
