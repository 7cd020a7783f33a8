package dialect

// Planner is the execution role: a revision's statements arranged for
// the runner, and how a run that was cut short is resumed (see
// docs/execution.md).
type Planner interface {
	// Prepare arranges a revision's statements for execution. Every
	// statement lands in exactly one of Before, Body, Deferred, Checks
	// and After, once, and statements of one list keep their order;
	// PreChecks are queries of its own. Prepare sets NoTransaction when
	// a statement cannot run inside a transaction, and then
	// CommitsImplicitly is true for that statement.
	Prepare(stmts []string) Plan
	// BeginSQL is the statement that starts a revision's transaction,
	// for offline SQL output ("BEGIN", "BEGIN IMMEDIATE"...).
	BeginSQL() string
	// ImplicitCommitter tells the statements of a stepwise plan that
	// commit on their own. Optional: Base says every statement does.
	ImplicitCommitter
	// Resumer classifies such statements for resuming. Optional: Base
	// says EffectOpaque, so the user decides after an interruption.
	Resumer
	// InFlightChecker proves from the catalog whether an interrupted
	// statement took effect. Optional: Base knows no statement.
	InFlightChecker
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
