package sqlite

import "strings"

// SQLite result codes the error role needs (the low byte of an extended
// code).
const (
	codeError     = 1
	codeInterrupt = 9
	// SQLITE_CONSTRAINT_DATATYPE: a STRICT table refused a value.
	codeConstraintDatatype = 3091
)

// DescribeError implements dialect.Dialect: the library's message, and
// where a rebuild's copy into a STRICT table refused a row (the copy is
// named rebuildPrefix+table), what that means.
func (Dialect) DescribeError(err error) string {
	code, msg, ok := driverCode(err)
	if ok && code == codeConstraintDatatype && strings.Contains(msg, " column "+rebuildPrefix) {
		return err.Error() + "\n  hint: the table rebuild copies every row into a STRICT table, which refuses a value that does not fit its column's declared type, so the revision rolled back; convert or delete those rows, then run it again"
	}
	return err.Error()
}

// MissingTable implements dialect.Dialect. SQLite has no result code of
// its own for a missing table: it is SQLITE_ERROR with the library's
// "no such table" message, which SQLite never translates.
func (Dialect) MissingTable(err error) bool {
	code, msg, ok := driverCode(err)
	return ok && code == codeError && strings.Contains(msg, "no such table: ")
}

// Rejected implements dialect.Dialect: an error from the library ends
// the statement with its changes undone, except an interrupt, which
// comes from a cancellation (the drivers report most of those as the
// context's error instead).
func (Dialect) Rejected(err error) bool {
	code, _, ok := driverCode(err)
	return ok && code&0xff != codeInterrupt
}
