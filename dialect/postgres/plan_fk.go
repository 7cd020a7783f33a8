package postgres

import (
	"fmt"
	"regexp"
	"strings"
)

// addFKRe matches an FK added NOT VALID, as retort renders it and as
// people write it: ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (a, b)
// REFERENCES p (x, y) ... NOT VALID.
var addFKRe = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?(` + identRe + `)\s+ADD\s+CONSTRAINT\s+(` + identRe + `)\s+FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+(` + identRe + `)\s*\(([^)]*)\)(.*)\bNOT\s+VALID\s*;?\s*$`)

// fkPreChecks returns, for every FK the body adds NOT VALID and a deferred
// statement validates, a query listing the first rows that would fail the
// validation. The runner runs them before the revision starts, so orphan
// rows refuse the revision with nothing changed instead of leaving the
// body committed and the validation pending. MATCH FULL keys are left to
// VALIDATE (their partial-NULL rule does not fit one simple anti-join).
func fkPreChecks(body, deferred []string) []string {
	validated := map[string]bool{}
	for _, s := range deferred {
		if m := validateRe.FindStringSubmatch(prepHead(s)); m != nil {
			validated[unquoteIdent(m[1])] = true
		}
	}
	var out []string
	for _, s := range body {
		m := addFKRe.FindStringSubmatch(prepHead(s))
		if m == nil || !validated[unquoteIdent(m[2])] || regexp.MustCompile(`(?i)\bMATCH\s+FULL\b`).MatchString(m[6]) {
			continue
		}
		cols, refs := splitIdents(m[3]), splitIdents(m[5])
		if len(cols) == 0 || len(cols) != len(refs) {
			continue
		}
		var notNull, join []string
		for i, c := range cols {
			notNull = append(notNull, "c."+c+" IS NOT NULL")
			join = append(join, "p."+refs[i]+" = c."+c)
		}
		out = append(out, fmt.Sprintf(
			"SELECT %s FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s) LIMIT 10",
			"c."+strings.Join(cols, ", c."), m[1], strings.Join(notNull, " AND "), m[4], strings.Join(join, " AND ")))
	}
	return out
}

func splitIdents(list string) []string {
	var out []string
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
