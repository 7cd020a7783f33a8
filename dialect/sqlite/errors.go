package sqlite

import (
	"errors"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// MissingTable implements dialect.Dialect. SQLite has no result code of
// its own for a missing table: it is SQLITE_ERROR with the library's
// "no such table" message, which SQLite never translates.
func (Dialect) MissingTable(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_ERROR && strings.Contains(se.Error(), "no such table: ")
}

// Rejected implements dialect.Dialect: an error from the library ends
// the statement with its changes undone, except an interrupt, which
// comes from a cancellation (the driver reports most of those as the
// context's error instead).
func (Dialect) Rejected(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff != sqlite3.SQLITE_INTERRUPT
}
