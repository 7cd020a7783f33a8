package lint

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/revision"
)

// stmt is a statement with what the rules need to know about it.
type stmt struct {
	revision.Statement
	upper string // upper-cased, whitespace collapsed, identifiers unquoted
	kind  string // "drop table", "drop column", "truncate", "add fk", "create index", "add stored generated", "insert", "pragma fk off", ...
	table string // the table the statement changes, unquoted, lower case
}

var (
	reDropTable    = regexp.MustCompile(`^DROP TABLE (?:IF EXISTS )?([^\s(,]+)`)
	reDropColumn   = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) .*\bDROP (?:COLUMN )?(?:IF EXISTS )?([^\s,]+)`)
	reTruncate     = regexp.MustCompile(`^TRUNCATE (?:TABLE )?([^\s;]+)`)
	reAddFK        = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) .*\bADD (?:CONSTRAINT [^\s]+ )?FOREIGN KEY\b`)
	reCreateIndex  = regexp.MustCompile(`^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(?:[^\s]+ )?ON (?:ONLY )?([^\s(]+)`)
	reInsertSelect = regexp.MustCompile(`^INSERT (?:OR ABORT )?INTO ([^\s(]+)`)
	reCreateTable  = regexp.MustCompile(`^CREATE (?:UNLOGGED |TEMP |TEMPORARY )?TABLE (?:IF NOT EXISTS )?([^\s(]+)`)
	reFKOff        = regexp.MustCompile(`^PRAGMA (?:MAIN\.)?FOREIGN_KEYS ?= ?(?:OFF|0|FALSE|NO)$`)
	reAlterType    = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) .*\bALTER (?:COLUMN )?[^\s]+ (?:SET DATA )?TYPE\b`)
	reSetNotNull   = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) .*\bALTER (?:COLUMN )?[^\s]+ SET NOT NULL\b`)
	reAddStored    = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?([^\s]+) .*\bADD (?:COLUMN )?.*\bGENERATED ALWAYS AS \(.*\) STORED\b`)
)

func classify(in []revision.Statement) []stmt {
	out := make([]stmt, 0, len(in))
	for _, s := range in {
		u := normalize(s.SQL)
		st := stmt{Statement: s, upper: u}
		switch {
		case reFKOff.MatchString(u):
			st.kind = "pragma fk off"
		case reDropTable.MatchString(u):
			st.kind, st.table = "drop table", ident(reDropTable.FindStringSubmatch(u)[1])
		case reTruncate.MatchString(u):
			st.kind, st.table = "truncate", ident(reTruncate.FindStringSubmatch(u)[1])
		case reAddFK.MatchString(u):
			st.kind, st.table = "add fk", ident(reAddFK.FindStringSubmatch(u)[1])
		case reAlterType.MatchString(u):
			st.kind, st.table = "alter type", ident(reAlterType.FindStringSubmatch(u)[1])
		case reSetNotNull.MatchString(u):
			st.kind, st.table = "set not null", ident(reSetNotNull.FindStringSubmatch(u)[1])
		case reDropColumn.MatchString(u) && !strings.Contains(u, " DROP CONSTRAINT ") && !strings.Contains(u, " DROP FOREIGN KEY ") &&
			!strings.Contains(u, " DROP INDEX ") && !strings.Contains(u, " DROP DEFAULT") && !strings.Contains(u, " DROP NOT NULL") &&
			!strings.Contains(u, " DROP CHECK ") && !strings.Contains(u, " DROP PRIMARY KEY") && !strings.Contains(u, " DROP IDENTITY"):
			st.kind, st.table = "drop column", ident(reDropColumn.FindStringSubmatch(u)[1])
		case reAddStored.MatchString(u):
			st.kind, st.table = "add stored generated", ident(reAddStored.FindStringSubmatch(u)[1])
		case reCreateIndex.MatchString(u):
			m := reCreateIndex.FindStringSubmatch(u)
			st.kind, st.table = "create index", ident(m[2])
			if m[1] != "" {
				st.kind = "create index concurrently"
			}
		case reCreateTable.MatchString(u):
			st.kind, st.table = "create table", ident(reCreateTable.FindStringSubmatch(u)[1])
		case reInsertSelect.MatchString(u):
			st.kind, st.table = "insert", ident(reInsertSelect.FindStringSubmatch(u)[1])
		}
		out = append(out, st)
	}
	return out
}

// normalize upper-cases outside nothing in particular: lint only needs
// keywords and identifiers, so comments go and whitespace collapses.
func normalize(sql string) string {
	var lines []string
	for _, l := range strings.Split(sql, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "--") {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(strings.Fields(strings.ToUpper(strings.Join(lines, " "))), " ")
}

// ident unquotes an identifier and drops a schema qualifier's quotes.
func ident(s string) string {
	s = strings.Trim(s, "\"`[];")
	s = strings.NewReplacer(`"."`, ".", "`.`", ".").Replace(s)
	return strings.ToLower(s)
}
