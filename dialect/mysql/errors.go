package mysql

import (
	"errors"
	"fmt"

	"github.com/go-sql-driver/mysql"
)

// Server error numbers for a table that does not exist.
const (
	errNoSuchTable = 1146 // ER_NO_SUCH_TABLE: Table 'db.t' doesn't exist
	errBadTable    = 1051 // ER_BAD_TABLE_ERROR: Unknown table 'db.t'
)

// DescribeError implements dialect.Dialect: the server's own message,
// then its error number and SQLSTATE, instead of the driver's
// "Error 1064 (42000): " prefix.
func (Dialect) DescribeError(err error) string {
	var me *mysql.MySQLError
	if !errors.As(err, &me) {
		return err.Error()
	}
	if me.SQLState == [5]byte{} {
		return fmt.Sprintf("%s (error %d)", me.Message, me.Number)
	}
	return fmt.Sprintf("%s (error %d, SQLSTATE %s)", me.Message, me.Number, me.SQLState[:])
}

// MissingTable implements dialect.Dialect: error 1146, or 1051 from DROP
// TABLE, whatever language lc_messages gives the message in.
func (Dialect) MissingTable(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && (me.Number == errNoSuchTable || me.Number == errBadTable)
}

// Rejected implements dialect.Dialect: an error packet from the server
// means the statement failed; anything else (a broken connection, a
// cancelled context) leaves its outcome unknown.
func (Dialect) Rejected(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me)
}
