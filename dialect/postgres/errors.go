package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// DescribeError implements dialect.Dialect: the server's message with
// its SQLSTATE, detail and hint; pgx's own Error() drops the hint, which
// is often the fix (such as "increase max_locks_per_transaction").
func (Dialect) DescribeError(err error) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	msg := fmt.Sprintf("%s (SQLSTATE %s)", pe.Message, pe.Code)
	if pe.Detail != "" {
		msg += "\n  detail: " + pe.Detail
	}
	if pe.Hint != "" {
		msg += "\n  hint: " + pe.Hint
	}
	return msg
}

// rtUndefinedTable is SQLSTATE 42P01, undefined_table.
const rtUndefinedTable = "42P01"

// MissingTable implements dialect.Dialect: SQLSTATE 42P01, whatever
// language lc_messages gives the message in.
func (Dialect) MissingTable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == rtUndefinedTable
}

// Rejected implements dialect.Dialect: an ErrorResponse from the server
// means the statement failed.
func (Dialect) Rejected(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe)
}
