package mysql

import (
	"context"
	"database/sql"
	"regexp"
	"strings"

	"github.com/retortdb/retort/schema"
)

func (r *reflector) loadColumns(ctx context.Context) error {
	const q = `SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.DATA_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT,
  c.EXTRA, COALESCE(c.GENERATION_EXPRESSION, ''), COALESCE(c.CHARACTER_SET_NAME, ''),
  COALESCE(c.COLLATION_NAME, ''), c.COLUMN_COMMENT
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA = ?
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`
	return r.query(ctx, "columns", q, func(rows *sql.Rows) error {
		var table, name, typ, dataType, nullable, extra, gen, cs, coll, comment string
		var def sql.NullString
		if err := rows.Scan(&table, &name, &typ, &dataType, &nullable, &def, &extra, &gen, &cs, &coll, &comment); err != nil {
			return err
		}
		charsetDefault := r.collations[coll].isDefault
		ti := r.tables[table]
		if ti == nil {
			return nil
		}
		c := &schema.Column{Name: name, Type: portableType(typ), Nullable: nullable == "YES", Comment: comment}
		lextra := strings.ToLower(extra)
		c.AutoIncrement = strings.Contains(lextra, "auto_increment")
		if gen != "" && strings.Contains(lextra, "generated") {
			c.Generated = &schema.Generated{Expr: gen, Stored: strings.Contains(lextra, "stored") || strings.Contains(lextra, "persistent")}
		} else {
			c.Default = normalizeDefault(r.mariadb, def, lextra, dataType)
			unqualifyDefault(r, c) // NEXT VALUE FOR a sequence names the database
		}
		if m := onUpdateRe.FindStringSubmatch(lextra); m != nil {
			setAttr(c, "on_update", canonicalNow(m[1]))
		}
		if strings.Contains(lextra, "invisible") {
			setAttr(c, "invisible", "true")
		}
		// A collation is written only where it is not implied: by the
		// table, or by the column's own character set (whose default
		// collation differs between MariaDB and MySQL).
		if coll != "" && coll != ti.collation && !(cs != ti.charset && charsetDefault) {
			c.Collation = coll
		}
		if cs != "" && cs != ti.charset {
			setAttr(c, "charset", cs)
		}
		ti.t.Columns = append(ti.t.Columns, c)
		return nil
	})
}

var onUpdateRe = regexp.MustCompile(`on update (\S+)`)

// displayWidth is an integer type's display width, as in "bigint(20)".
var displayWidth = regexp.MustCompile(`^(tinyint|smallint|mediumint|int|bigint|year)\(\d+\)`)

// portableType leaves out the display widths MariaDB reports and MySQL
// 8.0.19+ does not (it deprecated them), so a revision made on one runs
// on the other and both read alike. They are kept where they mean
// something: tinyint(1), the boolean, and ZEROFILL columns, which pad to
// the width.
func portableType(typ string) string {
	if strings.HasPrefix(typ, "tinyint(1)") || strings.Contains(typ, "zerofill") {
		return typ
	}
	return displayWidth.ReplaceAllString(typ, "$1")
}

func setAttr(c *schema.Column, k, v string) {
	if c.Attrs == nil {
		c.Attrs = map[string]string{}
	}
	c.Attrs[k] = v
}

var nowRe = regexp.MustCompile(`(?i)^(current_timestamp|now|localtime|localtimestamp)(\((\d*)\))?$`)

// canonicalNow spells CURRENT_TIMESTAMP the way MariaDB reports it,
// "current_timestamp()" or "current_timestamp(3)", so both servers agree.
func canonicalNow(s string) string {
	m := nowRe.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	return "current_timestamp(" + m[3] + ")"
}

// numericTypes hold defaults that are written without quotes.
var numericTypes = map[string]bool{
	"tinyint": true, "smallint": true, "mediumint": true, "int": true, "integer": true,
	"bigint": true, "decimal": true, "numeric": true, "float": true, "double": true,
	"real": true, "year": true, "bit": true,
}

// normalizeDefault turns COLUMN_DEFAULT into the SQL text the renderer
// writes after DEFAULT. MariaDB already reports SQL (quoted literals, the
// string NULL for DEFAULT NULL); MySQL 8 reports literals bare and marks
// expressions DEFAULT_GENERATED.
func normalizeDefault(mariadb bool, def sql.NullString, extra, dataType string) *string {
	if !def.Valid {
		return nil
	}
	v := def.String
	switch {
	case mariadb && strings.EqualFold(v, "NULL"):
		return nil
	case mariadb:
		v = canonicalNow(v)
	case strings.Contains(extra, "default_generated"):
		v = canonicalNow(v)
	case numericTypes[strings.ToLower(dataType)] || strings.HasPrefix(v, "b'"):
	default:
		v = "'" + strings.ReplaceAll(strings.ReplaceAll(v, `\`, `\\`), "'", "''") + "'"
	}
	return &v
}

func (r *reflector) loadChecks(ctx context.Context) error {
	q := `SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table'
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME`
	if r.mariadb {
		// MariaDB names checks per table, so CHECK_CONSTRAINTS carries the
		// table and whether the check was written on a column.
		q = `SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?
ORDER BY TABLE_NAME, CONSTRAINT_NAME`
	}
	if err := r.query(ctx, "check constraints", q, func(rows *sql.Rows) error {
		var table, name, clause, level string
		if err := rows.Scan(&table, &name, &clause, &level); err != nil {
			return err
		}
		ti := r.tables[table]
		if ti == nil {
			return nil
		}
		expr := stripParens(clause)
		ck := &schema.Check{Name: name, Expr: expr}
		if level == "Column" {
			ti.colChecks[name] = expr
			ck.Column = name // MariaDB names a column's check after it
		}
		ti.t.Checks = append(ti.t.Checks, ck)
		return nil
	}); err != nil {
		return err
	}
	for _, ti := range r.tables {
		foldJSONChecks(ti)
	}
	return nil
}

// foldJSONChecks turns MariaDB's JSON emulation (LONGTEXT COLLATE
// utf8mb4_bin plus a column check json_valid(col)) back into a json
// column, which is what the user wrote and what the renderer emits.
func foldJSONChecks(ti *tableInfo) {
	for _, c := range ti.t.Columns {
		expr, ok := ti.colChecks[c.Name]
		if !ok || c.Type != "longtext" || expr != "json_valid("+quote(c.Name)+")" {
			continue
		}
		c.Type = "json"
		c.Collation = ""
		delete(c.Attrs, "charset")
		if len(c.Attrs) == 0 {
			c.Attrs = nil
		}
		kept := ti.t.Checks[:0]
		for _, ck := range ti.t.Checks {
			if ck.Name != c.Name {
				kept = append(kept, ck)
			}
		}
		ti.t.Checks = kept
	}
	if len(ti.t.Checks) == 0 {
		ti.t.Checks = nil
	}
}

// stripParens removes parentheses that wrap the whole expression (MySQL 8
// reports CHECK clauses wrapped, MariaDB bare).
func stripParens(s string) string {
	s = strings.TrimSpace(s)
	for len(s) >= 2 && s[0] == '(' && closingParen(s, 0) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// closingParen returns the index of the parenthesis closing the one at
// open, skipping quoted text, or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'', '"', '`':
			j := i + 1
			for j < len(s) {
				if s[j] == '\\' && c != '`' {
					j += 2
					continue
				}
				if s[j] == c {
					if j+1 < len(s) && s[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(s) {
				return -1
			}
			i = j
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
