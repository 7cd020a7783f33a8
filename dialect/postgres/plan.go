package postgres

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
)

var (
	// validateRe matches ALTER TABLE ... VALIDATE CONSTRAINT, which only
	// takes SHARE UPDATE EXCLUSIVE and so runs after the short first
	// transaction commits.
	validateRe = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+.*\sVALIDATE\s+CONSTRAINT\s+(` + identRe + `)`)
	// noTxRe matches statements PostgreSQL refuses inside a transaction
	// block. ALTER TYPE ... ADD VALUE runs in one since PG 12, but the new
	// value cannot be used before commit, so it runs outside one too.
	noTxRe = regexp.MustCompile(`(?is)^\s*(` +
		`CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b|DROP\s+INDEX\s+CONCURRENTLY\b|REINDEX\b[^;']*\bCONCURRENTLY\b` +
		`|ALTER\s+TYPE\s.*\sADD\s+VALUE\b` +
		`|(CREATE|DROP)\s+DATABASE\b|ALTER\s+SYSTEM\b|VACUUM\b|CREATE\s+TABLESPACE\b|DROP\s+TABLESPACE\b)`)
	// dmlRe matches statements that change rows, which may repair the
	// rows a new foreign key would reject.
	dmlRe = regexp.MustCompile(`(?is)^\s*(WITH\b|INSERT\b|UPDATE\b|DELETE\b|MERGE\b|COPY\b|TRUNCATE\b|DO\b|CALL\b|SELECT\b)`)
	// prepLeadingComments matches the comments and blanks a hand-written
	// statement may start with, which must not hide its first keyword.
	prepLeadingComments = regexp.MustCompile(`^(\s+|--[^\n]*(\n|$)|/\*(?s:.*?)\*/)*`)
)

// identRe is one possibly quoted, possibly schema-qualified identifier.
const identRe = `(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))?`

// prepHead is a statement without its leading comments, for classifying.
func prepHead(s string) string { return prepLeadingComments.ReplaceAllString(s, "") }

// BeginSQL implements dialect.Dialect.
func (Dialect) BeginSQL() string { return "BEGIN" }

// Prepare implements dialect.Dialect. VALIDATE CONSTRAINT statements move
// to Plan.Deferred unless a later statement names the same constraint
// (moving it past a DROP of that constraint would be wrong). A statement
// that cannot run in a transaction makes the plan stepwise: the runner
// then runs it alone and groups the others into transactions.
func (Dialect) Prepare(stmts []string) dialect.Plan {
	var p dialect.Plan
	dml := false
	for _, s := range stmts {
		head := prepHead(s)
		if noTxRe.MatchString(head) {
			p.NoTransaction = true
		}
		if dmlRe.MatchString(head) {
			dml = true
		}
	}
	for i, s := range stmts {
		if m := validateRe.FindStringSubmatch(prepHead(s)); m != nil && !namedLater(m[1], stmts[i+1:]) {
			p.Deferred = append(p.Deferred, s)
			continue
		}
		p.Body = append(p.Body, s)
	}
	if len(p.Deferred) > 0 && !dml {
		p.PreChecks = fkPreChecks(p.Body, p.Deferred)
	}
	return p
}

// namedLater reports whether a statement of rest mentions the constraint.
func namedLater(name string, rest []string) bool {
	// Case-insensitive on purpose: a false match only keeps the
	// validation in place, which is always correct.
	word := regexp.MustCompile(`(?i)(^|[^\w$])` + regexp.QuoteMeta(unquoteIdent(name)) + `($|[^\w$])`)
	for _, s := range rest {
		if validateRe.MatchString(prepHead(s)) {
			continue
		}
		if word.MatchString(strings.ReplaceAll(s, `""`, `"`)) {
			return true
		}
	}
	return false
}

// unquoteIdent turns "a""b" into a"b; an unquoted name is folded to lower
// case as PostgreSQL does.
func unquoteIdent(s string) string {
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && len(s) >= 2 {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return strings.ToLower(s)
}
