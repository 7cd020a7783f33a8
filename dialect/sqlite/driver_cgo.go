//go:build retort_cgo_sqlite

package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net/url"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// DriverName is the SQLite driver this build uses: the C library
// through cgo, chosen with the retort_cgo_sqlite build tag.
const DriverName = "github.com/mattn/go-sqlite3"

// codeBusy is SQLITE_BUSY.
var codeBusy = int(sqlite3.ErrBusy)

// driverOpen opens path with options q (see openOptions). mattn's DSN
// has no _pragma option, so every new connection runs them itself.
func driverOpen(path string, q url.Values) (*sql.DB, error) {
	pragmas := q["_pragma"]
	rest := url.Values{}
	for k, vs := range q {
		if k != "_pragma" {
			rest[k] = vs
		}
	}
	return sql.OpenDB(cgoConnector{dsn: dsnOf(path, rest), pragmas: pragmas}), nil
}

// cgoConnector opens mattn connections and sets the pragmas on each.
type cgoConnector struct {
	dsn     string
	pragmas []string
}

func (c cgoConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Driver().Open(c.dsn)
	if err != nil {
		return nil, err
	}
	sc := conn.(*sqlite3.SQLiteConn)
	for _, p := range c.pragmas {
		if _, err := sc.ExecContext(ctx, "PRAGMA "+p, nil); err != nil {
			sc.Close()
			return nil, err
		}
	}
	return conn, nil
}

func (cgoConnector) Driver() driver.Driver { return &sqlite3.SQLiteDriver{} }

// driverCode gives the SQLite result code (extended) and message of an
// error from the driver; ok is false for any other error.
func driverCode(err error) (code int, msg string, ok bool) {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return 0, "", false
	}
	return int(se.ExtendedCode), se.Error(), true
}
