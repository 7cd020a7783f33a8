package sqlite

import "strings"

// reflDefault is a column default as retort writes it back. A DEFAULT
// "text" (GORM writes string defaults so) is a string literal to SQLite,
// but in the parenthesized expression a rebuilt table would give it, it
// would name a column and be refused; so it becomes 'text'.
func reflDefault(d string) string {
	if len(d) < 2 || d[0] != '"' || d[len(d)-1] != '"' {
		return d
	}
	inner := d[1 : len(d)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return d // not one quoted token
	}
	inner = strings.ReplaceAll(inner, `""`, `"`)
	return "'" + strings.ReplaceAll(inner, "'", "''") + "'"
}
