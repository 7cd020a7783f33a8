package mysql

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// implicitCommit matches the statements MySQL and MariaDB commit on their
// own (DDL and account/admin statements); data statements do not.
// A statement may carry MariaDB's SET STATEMENT ... FOR prefix.
var implicitCommit = regexp.MustCompile(`(?i)^\s*(?:/\*.*?\*/\s*)*` + setStatement + `(ALTER|CREATE|DROP|RENAME|TRUNCATE|GRANT|REVOKE|LOCK|UNLOCK|ANALYZE|OPTIMIZE|REPAIR|INSTALL|UNINSTALL|FLUSH|BEGIN|START|COMMIT)\b`)

// CommitsImplicitly implements dialect.ImplicitCommitter.
func (Dialect) CommitsImplicitly(stmt string) bool {
	return implicitCommit.MatchString(strings.TrimSpace(stmt))
}

var (
	// schemaDDL is DDL on the objects retort reflects. MySQL 8 and
	// MariaDB 10.6+ make each such statement atomic, so a changed
	// reflected schema proves an interrupted one committed.
	schemaDDL = regexp.MustCompile(`(?is)^\s*(?:/\*.*?\*/\s*)*` + setStatement + `(` +
		`(CREATE|ALTER|DROP)\s+(TEMPORARY\s+)?TABLE\b|RENAME\s+TABLE\b` +
		`|CREATE\s+((UNIQUE|FULLTEXT|SPATIAL)\s+)?INDEX\b|DROP\s+INDEX\b` +
		`|(CREATE|DROP)\s+((OR\s+REPLACE|ALGORITHM\s*=\s*\w+|DEFINER\s*=\s*\S+|SQL\s+SECURITY\s+\w+)\s+)*(VIEW|TRIGGER)\b|ALTER\s+((ALGORITHM\s*=\s*\w+|DEFINER\s*=\s*\S+|SQL\s+SECURITY\s+\w+)\s+)*VIEW\b)`)
	// repeatable statements change no data and no definition.
	repeatable = regexp.MustCompile(`(?is)^\s*(?:/\*.*?\*/\s*)*(ANALYZE|OPTIMIZE|REPAIR|FLUSH|CHECK)\b`)
)

// setStatement is MariaDB's per-statement setting prefix.
const setStatement = `(?:SET\s+STATEMENT\s+[^;]*?\bFOR\s+)?`

// Effect implements dialect.Resumer.
func (Dialect) Effect(stmt string) dialect.Effect {
	switch {
	case schemaDDL.MatchString(stmt):
		return dialect.EffectSchema
	case repeatable.MatchString(stmt):
		return dialect.EffectRepeatable
	}
	return dialect.EffectOpaque
}
