package mysql

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// BeginSQL implements dialect.Dialect.
func (Dialect) BeginSQL() string { return "BEGIN" }

// Prepare implements dialect.Dialect. DDL cannot be rolled back, so the
// body runs statement by statement whatever the transaction says. A key
// swapped in place (fkAlter) is not validated by the server, so its rows
// are counted first: an orphan refuses the revision before anything runs.
func (Dialect) Prepare(stmts []string) dialect.Plan {
	p := dialect.Plan{Body: append([]string(nil), stmts...), NoTransaction: true}
	seen := map[string]bool{}
	for _, s := range stmts {
		if q := orphanCheck(s); q != "" && !seen[q] {
			seen[q] = true
			p.PreChecks = append(p.PreChecks, q)
		}
	}
	return p
}

const ident = "`(?:[^`]|``)+`"

// inPlaceFK matches the first ALTER of a key swapped in place (render_fk.go).
var inPlaceFK = regexp.MustCompile(`(?s)^` + regexp.QuoteMeta(inPlacePrefix) + `ALTER TABLE ((?:` + ident + `\.)?` + ident + `) ` +
	`DROP FOREIGN KEY (` + ident + `), .*?ADD CONSTRAINT (` + ident + `) FOREIGN KEY \(([^)]*)\) REFERENCES ((?:` + ident + `\.)?` + ident + `) \(([^)]*)\)`)

// orphanCheck is the anti-join that finds rows the key added in place by
// stmt would reject; "" when stmt adds none or only renames a key the
// revision validated (the second ALTER of a swap). A plain read: it takes
// no lock.
func orphanCheck(stmt string) string {
	m := inPlaceFK.FindStringSubmatch(stmt)
	if m == nil || unquote(m[2]) == tempName(unquote(m[3])) {
		return ""
	}
	cols, refCols := splitList(m[4]), splitList(m[6])
	if len(cols) != len(refCols) {
		return ""
	}
	var on, where []string
	for i := range cols {
		on = append(on, fmt.Sprintf("p.%s = c.%s", refCols[i], cols[i]))
		where = append(where, "c."+cols[i]+" IS NOT NULL")
	}
	return fmt.Sprintf("SELECT %s FROM %s AS c LEFT JOIN %s AS p ON %s WHERE %s AND p.%s IS NULL LIMIT 10",
		"c."+strings.Join(cols, ", c."), m[1], m[5], strings.Join(on, " AND "), strings.Join(where, " AND "), refCols[0])
}

var identRe = regexp.MustCompile(ident)

// splitList splits a rendered column list into its quoted names.
func splitList(s string) []string { return identRe.FindAllString(s, -1) }

func unquote(s string) string {
	return strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(s, "`"), "`"), "``", "`")
}
