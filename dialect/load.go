package dialect

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/sqlsplit"
)

// LoadError is a schema-file statement the scratch database refused.
type LoadError struct {
	File string
	Line int
	SQL  string
	Msg  string // the database's own message, without driver prefixes
	Err  error
}

// Error reads "schema.sql:12: <database message>" then the statement.
func (e *LoadError) Error() string {
	return fmt.Sprintf("%s:%d: %s\n%s", e.File, e.Line, e.Msg, e.SQL)
}

func (e *LoadError) Unwrap() error { return e.Err }

// ExecFile runs a desired-schema file statement by statement, split with
// the dialect's lexing rules, so a failure names the file and the line
// where the statement starts. describe turns a driver error into the
// database's own message; nil uses err.Error().
func ExecFile(ctx context.Context, q Querier, f SourceFile, split sqlsplit.Options, describe func(error) string) error {
	stmts, err := sqlsplit.SplitWith(f.SQL, split)
	if err != nil {
		var se *sqlsplit.Error
		if errors.As(err, &se) {
			return fmt.Errorf("%s:%d: %s: %w", f.Name, se.Line, se.Msg, err)
		}
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	for _, s := range stmts {
		if _, err := q.ExecContext(ctx, s.SQL); err != nil {
			msg := err.Error()
			if describe != nil {
				msg = describe(err)
			}
			return &LoadError{File: f.Name, Line: s.Line, SQL: s.SQL, Msg: msg, Err: err}
		}
	}
	return nil
}
