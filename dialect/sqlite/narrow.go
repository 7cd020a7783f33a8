package sqlite

import "strings"

// NarrowsType implements dialect.TypeNarrower by type affinity, since
// SQLite stores any value in any column and ignores declared lengths
// (VARCHAR(20) holds a longer string): a rebuild's copy changes values
// only where the new column's affinity converts them. Text stored under
// TEXT or BLOB affinity becomes a number under INTEGER, REAL or NUMERIC
// ('007' is read back as 7), and an integer becomes a float under REAL
// (losing digits beyond 2^53), and a float becomes text of 15 significant
// digits under TEXT. A STRICT table refuses rather than
// converts, which loses nothing.
func (Dialect) NarrowsType(from, to string) bool {
	f, t := affinity(from), affinity(to)
	switch t {
	case "INTEGER", "NUMERIC":
		return f == "TEXT" || f == "BLOB"
	case "REAL":
		return f != "REAL"
	case "TEXT":
		return f == "REAL" || f == "NUMERIC" // a float's text keeps 15 digits
	}
	return false
}

// affinity is a declared type's column affinity, by SQLite's rules
// (https://sqlite.org/datatype3.html#determination_of_column_affinity).
func affinity(declared string) string {
	u := strings.ToUpper(declared)
	switch {
	case strings.Contains(u, "INT"):
		return "INTEGER"
	case strings.Contains(u, "CHAR"), strings.Contains(u, "CLOB"), strings.Contains(u, "TEXT"):
		return "TEXT"
	case strings.Contains(u, "BLOB"), strings.TrimSpace(u) == "":
		return "BLOB"
	case strings.Contains(u, "REAL"), strings.Contains(u, "FLOA"), strings.Contains(u, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}
