package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// DescribeError gives the server's message with its SQLSTATE, detail and
// hint; pgx's own Error() drops the hint, which is often the fix (such as
// "increase max_locks_per_transaction").
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
