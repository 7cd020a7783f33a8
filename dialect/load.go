package dialect

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/retortdb/retort/schema"
	"github.com/retortdb/retort/sqlsplit"
)

// Loader is the desired-schema role: loading schema files written in
// the dialect's own DDL.
type Loader interface {
	// LoadDesired runs schema files in a scratch database and reflects
	// it. devURL "" means the dialect's default scratch database, which
	// LoadDesired creates and always drops; target is the migrated
	// database's URL, used to reach the server (nil when the dialect's
	// Capabilities say EmbeddedScratch). A given devURL must name an
	// empty database and is left empty. A statement the database refuses
	// is a *LoadError naming the file and line (use ExecFile).
	LoadDesired(ctx context.Context, target *url.URL, devURL string, files []SourceFile) (*schema.Schema, error)
	// SplitOptions are the lexing rules the dialect's revision and
	// schema files are split into statements with.
	SplitOptions() sqlsplit.Options
	// Example gives the URL and starter schema `retort init` writes.
	Example() (url, schemaSQL string)
}

// ServerNamer is an optional Loader role, for a database that gives
// constraints left unnamed names of its own making (MySQL's
// notes_ibfk_1).
type ServerNamer interface {
	// ForgetServerNames clears, in a schema LoadDesired returned, the
	// names the database made up for the constraints of the kinds forget
	// picks, so the naming templates name them instead. A constraint the
	// files named exactly as the database would have is cleared too.
	ForgetServerNames(s *schema.Schema, forget func(schema.ConstraintKind) bool)
}

// SourceFile is one desired-schema file.
type SourceFile struct {
	Name string // path as the user gave it, for error messages
	SQL  string
}

// ErrOutsideScope is wrapped by the error of a desired schema that creates
// objects where the dialect does not reflect (a PostgreSQL schema off the
// search path): they would be left out of every comparison unseen.
var ErrOutsideScope = errors.New("desired schema creates objects retort does not manage")

// ErrMalformedFile is wrapped by the error of a desired-schema file that
// cannot be split into statements (an unterminated quote, a psql
// meta-command): a mistake in the file, found before anything runs.
var ErrMalformedFile = errors.New("malformed schema file")

// SplitFile splits f into statements with d's SplitOptions; an error
// reads "schema.sql:12: <what is wrong>" and wraps ErrMalformedFile.
func SplitFile(d Loader, f SourceFile) ([]sqlsplit.Stmt, error) {
	stmts, err := sqlsplit.SplitWith(f.SQL, d.SplitOptions())
	var se *sqlsplit.Error
	if errors.As(err, &se) { // SplitWith's only error
		return nil, fmt.Errorf("%s:%d: %s%w", f.Name, se.Line, se.Msg, malformed{})
	}
	return stmts, nil
}

// malformed wraps ErrMalformedFile without adding to the message, which
// already says what is wrong.
type malformed struct{}

func (malformed) Error() string { return "" }
func (malformed) Unwrap() error { return ErrMalformedFile }

// LoadError is a schema-file statement the scratch database refused.
type LoadError struct {
	File string
	Line int
	SQL  string
	Msg  string // the dialect's DescribeError of Err
	Err  error
}

// Error reads "schema.sql:12: <database message>" then the statement.
func (e *LoadError) Error() string {
	return fmt.Sprintf("%s:%d: %s\n%s", e.File, e.Line, e.Msg, e.SQL)
}

func (e *LoadError) Unwrap() error { return e.Err }

// ExecFile runs a desired-schema file statement by statement, split with
// d's SplitOptions, so a failure names the file and the line where the
// statement starts; the database's refusal is described with d's
// DescribeError, as a migration's is.
func ExecFile(ctx context.Context, d Dialect, q Querier, f SourceFile) error {
	stmts, err := SplitFile(d, f)
	if err != nil {
		return err
	}
	if err := GuardStatements(ctx, d, q, f.Name, stmts); err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := q.ExecContext(ctx, s.SQL); err != nil {
			return &LoadError{File: f.Name, Line: s.Line, SQL: s.SQL, Msg: d.DescribeError(err), Err: err}
		}
	}
	return nil
}

// GuardStatements refuses, before any of them runs, a statement of file
// that d's LoadGuard says reaches past the database it is loaded into.
func GuardStatements(ctx context.Context, d Dialect, q Querier, file string, stmts []sqlsplit.Stmt) error {
	g, ok := d.(LoadGuarder)
	if !ok {
		return nil
	}
	guard, err := g.LoadGuard(ctx, q)
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if reason := guard(s.SQL); reason != nil {
			return &LoadError{File: file, Line: s.Line, SQL: s.SQL, Msg: reason.Error(), Err: fmt.Errorf("%w: %w", ErrOutsideScope, reason)}
		}
	}
	return nil
}
