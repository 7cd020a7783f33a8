// Package dialect defines what each database dialect provides to the rest
// of retort. Dialect quirks live in the sub-packages (sqlite, postgres,
// mysql); everything else talks to them only through this interface.
package dialect

import (
	"context"
	"database/sql"
	"net/url"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Querier is satisfied by *sql.DB, *sql.Conn and *sql.Tx.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// SourceFile is one desired-schema file.
type SourceFile struct {
	Name string // path as the user gave it, for error messages
	SQL  string
}

// RenderOptions tunes rendering.
type RenderOptions struct {
	// Naming names constraints and indexes that have no name.
	Naming schema.Naming
	// PlainForeignKeys turns off online-safe FK adds (PostgreSQL NOT VALID
	// + VALIDATE) and renders a plain validating ADD CONSTRAINT instead.
	PlainForeignKeys bool
}

// Plan is one revision's statements arranged for execution.
type Plan struct {
	// Before runs on the connection before the transaction begins (SQLite's
	// PRAGMA foreign_keys = OFF, which is ignored inside a transaction).
	Before []string
	// Body runs inside the transaction (or one statement at a time where
	// DDL is not transactional).
	Body []string
	// Deferred runs after the body committed and the revision was recorded
	// (PostgreSQL's VALIDATE CONSTRAINT, so the short first transaction is
	// all that holds the exclusive lock). Until it succeeds, retort_progress
	// marks the revision's validation as pending; a rerun only runs what of
	// Deferred is left.
	Deferred []string
	// PreChecks are queries run before anything of the revision; a row
	// refuses the revision with nothing changed (PostgreSQL: orphan rows a
	// deferred validation would reject). A PreCheck that fails to run (its
	// table is created by the revision itself) is skipped: Deferred still
	// catches the violation.
	PreChecks []string
	// Checks are queries run before COMMIT; any row they return fails the
	// revision and rolls it back (SQLite's PRAGMA foreign_key_check).
	Checks []string
	// After runs on the connection once the transaction ended, whether it
	// committed or rolled back.
	After []string
	// NoTransaction is set when a statement cannot run inside a transaction
	// (PostgreSQL CREATE INDEX CONCURRENTLY, all DDL on MySQL): the runner
	// then runs each statement that commits on its own alone, marked in
	// flight, and groups the others into transactions that also record the
	// progress (see ImplicitCommitter and docs/execution.md).
	NoTransaction bool
}

// Dialect is one database family.
type Dialect interface {
	// Name is "sqlite", "postgres" or "mysql".
	Name() string
	// Schemes lists the URL schemes the dialect accepts.
	Schemes() []string
	// Open connects to the database a URL names. It never puts the URL's
	// password in an error.
	Open(ctx context.Context, u *url.URL) (*sql.DB, error)

	// Reflect reads the schema of the connected database (the schemas in its
	// search path on PostgreSQL), leaving out retort's own tables.
	Reflect(ctx context.Context, q Querier) (*schema.Schema, error)
	// LoadDesired loads schema files into a scratch database and reflects
	// it. devURL "" means the dialect's default scratch database, which
	// LoadDesired creates and always drops; target is the migrated
	// database's URL, used to reach the server.
	LoadDesired(ctx context.Context, target *url.URL, devURL string, files []SourceFile) (*schema.Schema, error)

	// Render turns operations into SQL statements that take current to the
	// schema the operations describe.
	Render(ops []op.Op, current *schema.Schema, opts RenderOptions) ([]string, error)

	// Prepare arranges a revision's statements for execution.
	Prepare(stmts []string) Plan
	// TransactionalDDL reports whether DDL can be rolled back.
	TransactionalDDL() bool
	// Lock takes the cross-process migration lock on conn, waiting as
	// opts says; the returned function releases it. A lock still busy
	// after opts.Timeout is an error wrapping ErrLockTimeout.
	Lock(ctx context.Context, conn *sql.Conn, opts LockOptions) (unlock func() error, err error)
	// BeginSQL is the statement that starts a revision's transaction, for
	// offline SQL output ("BEGIN", "BEGIN IMMEDIATE"...).
	BeginSQL() string

	// Quote quotes an identifier.
	Quote(ident string) string
	// Placeholder is the n-th (1-based) bind parameter ("?" or "$1").
	Placeholder(n int) string
	// VersionTablesDDL creates retort's bookkeeping tables if missing; see
	// the runner package for their columns.
	VersionTablesDDL() []string
}
