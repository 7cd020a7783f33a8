package postgres

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// rtUndefinedTable is SQLSTATE 42P01, undefined_table.
const rtUndefinedTable = "42P01"

// MissingTable reports whether err is PostgreSQL's "relation does not
// exist", so the runner can tell a fresh database from a broken one by
// the error code rather than by message text (which follows lc_messages).
func (Dialect) MissingTable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == rtUndefinedTable
}
