package mysql

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// forgetServerNames clears, in a desired schema loaded through a scratch
// database, the names the server made up for constraints the user left
// unnamed: <table>_ibfk_N for foreign keys, the first column's name for
// a UNIQUE, CONSTRAINT_N or <table>_chk_N for a table check. The diff
// then names what it creates by the project's naming templates, the same
// on MariaDB and MySQL, and matches such constraints in the database by
// what they constrain. A constraint the user named exactly like the
// server would is indistinguishable and is named by the template too.
func forgetServerNames(s *schema.Schema) {
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if numbered(fk.Name, t.Name+"_ibfk_") {
				fk.Name = ""
			}
		}
		for _, u := range t.Uniques {
			if len(u.Columns) > 0 && isColumnName(u.Name, u.Columns[0]) {
				u.Name = ""
			}
		}
		for _, ck := range t.Checks {
			if ck.Column == "" && (numbered(ck.Name, "constraint_") || numbered(ck.Name, t.Name+"_chk_")) {
				ck.Name = ""
			}
		}
	}
}

// numbered reports whether name is prefix followed by a number, ignoring
// case.
func numbered(name, prefix string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(name), strings.ToLower(prefix))
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
