//go:build !retort_cgo_sqlite

package sqlite

import (
	"database/sql"
	"errors"
	"net/url"

	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// DriverName is the SQLite driver this build uses: the pure-Go one,
// unless built with the retort_cgo_sqlite tag.
const DriverName = "modernc.org/sqlite"

// codeBusy is SQLITE_BUSY.
const codeBusy = sqlite3.SQLITE_BUSY

// driverOpen opens path with options q (see openOptions).
func driverOpen(path string, q url.Values) (*sql.DB, error) {
	return sql.Open("sqlite", dsnOf(path, q))
}

// driverCode gives the SQLite result code (extended) and message of an
// error from the driver; ok is false for any other error.
func driverCode(err error) (code int, msg string, ok bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0, "", false
	}
	return se.Code(), se.Error(), true
}
