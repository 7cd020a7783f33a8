package mysql

import (
	"errors"
	"regexp"
	"strings"

	driver "github.com/go-sql-driver/mysql"
)

// implicitCommit matches the statements MySQL and MariaDB commit on their
// own (DDL and account/admin statements); data statements do not.
var implicitCommit = regexp.MustCompile(`(?i)^\s*(?:/\*.*?\*/\s*)*(ALTER|CREATE|DROP|RENAME|TRUNCATE|GRANT|REVOKE|LOCK|UNLOCK|ANALYZE|OPTIMIZE|REPAIR|INSTALL|UNINSTALL|FLUSH|BEGIN|START|COMMIT)\b`)

// CommitsImplicitly implements dialect.ImplicitCommitter.
func (Dialect) CommitsImplicitly(stmt string) bool {
	return implicitCommit.MatchString(strings.TrimSpace(stmt))
}

// alreadyAppliedCodes are the errors a DDL statement gives when run a
// second time after it took effect: object exists, duplicate column, key,
// index or constraint name, or the object it drops is gone.
var alreadyAppliedCodes = map[uint16]bool{
	1050: true, // table already exists
	1051: true, // unknown table (DROP TABLE)
	1060: true, // duplicate column name
	1061: true, // duplicate key name
	1068: true, // multiple primary key defined
	1091: true, // can't DROP ...; check that it exists
	1826: true, // duplicate constraint name
	3822: true, // duplicate check constraint name (MySQL 8)
}

// AlreadyApplied implements dialect.ResumeClassifier.
func (Dialect) AlreadyApplied(err error) bool {
	var me *driver.MySQLError
	if !errors.As(err, &me) {
		return false
	}
	if alreadyAppliedCodes[me.Number] {
		return true
	}
	// A duplicate foreign key name surfaces as "can't create table
	// (errno: 121 ...)" on InnoDB.
	return me.Number == 1005 && strings.Contains(me.Message, "errno: 121")
}
