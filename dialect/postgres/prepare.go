package postgres

import (
	"regexp"

	"github.com/retortdb/retort/dialect"
)

var (
	// validateRe matches ALTER TABLE ... VALIDATE CONSTRAINT, which only
	// takes SHARE UPDATE EXCLUSIVE and so runs after the short first
	// transaction commits.
	validateRe = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+.*\sVALIDATE\s+CONSTRAINT\s`)
	// noTxRe matches statements PostgreSQL refuses inside a transaction
	// block. ALTER TYPE ... ADD VALUE runs in one since PG 12, but the new
	// value cannot be used before commit, so it runs outside one too.
	noTxRe = regexp.MustCompile(`(?is)^\s*(` +
		`CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b|DROP\s+INDEX\s+CONCURRENTLY\b|REINDEX\b[^;']*\bCONCURRENTLY\b` +
		`|ALTER\s+TYPE\s.*\sADD\s+VALUE\b` +
		`|(CREATE|DROP)\s+DATABASE\b|ALTER\s+SYSTEM\b|VACUUM\b|CREATE\s+TABLESPACE\b|DROP\s+TABLESPACE\b)`)
	setLocalRe = regexp.MustCompile(`(?is)^\s*SET\s+LOCAL\s`)
	// prepLeadingComments matches the comments and blanks a hand-written
	// statement may start with, which must not hide its first keyword.
	prepLeadingComments = regexp.MustCompile(`^(\s+|--[^\n]*(\n|$)|/\*(?s:.*?)\*/)*`)
)

// prepHead is a statement without its leading comments, for classifying.
func prepHead(s string) string { return prepLeadingComments.ReplaceAllString(s, "") }

// Prepare implements dialect.Dialect. VALIDATE CONSTRAINT statements move
// to Plan.Deferred. A statement that cannot run in a transaction makes
// the whole body run statement by statement; SET LOCAL then has no
// transaction to scope it and is left out (a session-wide lock_timeout
// would also cut CONCURRENTLY's long waits short).
func (Dialect) Prepare(stmts []string) dialect.Plan {
	var p dialect.Plan
	for _, s := range stmts {
		if noTxRe.MatchString(prepHead(s)) {
			p.NoTransaction = true
		}
	}
	for _, s := range stmts {
		switch {
		case p.NoTransaction && setLocalRe.MatchString(prepHead(s)):
		case validateRe.MatchString(prepHead(s)):
			p.Deferred = append(p.Deferred, s)
		default:
			p.Body = append(p.Body, s)
		}
	}
	return p
}
