package mysql

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// ForgetServerNames implements dialect.ServerNamer: it clears the names
// the scratch server made up for constraints the schema files left
// unnamed (<table>_ibfk_N for a foreign key, the first column's name for
// a UNIQUE, CONSTRAINT_N or <table>_chk_N for a table check) of the
// kinds forget picks. Those are the same on MariaDB and MySQL but for
// checks; retort keeps them unless the [naming] templates say otherwise.
func (Dialect) ForgetServerNames(s *schema.Schema, forget func(schema.ConstraintKind) bool) {
	for _, t := range s.Tables {
		if forget(schema.KindForeignKey) {
			for _, fk := range t.ForeignKeys {
				if numbered(fk.Name, t.Name+"_ibfk_") {
					fk.Name = ""
				}
			}
		}
		if forget(schema.KindUnique) {
			for _, u := range t.Uniques {
				if len(u.Columns) > 0 && isColumnName(u.Name, u.Columns[0]) {
					u.Name = ""
				}
			}
		}
		if forget(schema.KindCheck) {
			for _, ck := range t.Checks {
				if ck.Column == "" && (numbered(ck.Name, "constraint_") || numbered(ck.Name, t.Name+"_chk_")) {
					ck.Name = ""
				}
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
