package dialect

import "context"

// The parts of Planner for statements that commit on their own (all DDL
// on MySQL; CREATE INDEX CONCURRENTLY and friends on PostgreSQL). The
// runner runs them one at a time, marked in retort_progress as in flight
// before they start, and after a crash finds out from the catalog whether
// the interrupted one took effect. docs/execution.md describes the whole
// state machine.

// ImplicitCommitter tells which statements commit on their own. The
// runner runs every other statement of a stepwise plan in a transaction
// together with its progress record, so it is never done twice after a
// crash.
type ImplicitCommitter interface {
	// CommitsImplicitly reports whether stmt commits on its own, or
	// cannot run inside a transaction. Saying true of a statement that
	// does not is safe, only slower; saying false of one that does is not.
	CommitsImplicitly(stmt string) bool
}

// Effect says how the runner can tell whether an interrupted statement
// that commits on its own took effect.
type Effect int

const (
	// EffectOpaque: the reflected schema does not show the statement's
	// effect and running it twice is not harmless. After an interruption
	// the user decides (retort resolve).
	EffectOpaque Effect = iota
	// EffectSchema: the statement is atomic and, when it succeeds,
	// changes the reflected schema or is harmless to repeat (CREATE TABLE
	// IF NOT EXISTS). The runner compares a fingerprint of the reflected
	// schema taken before it started with the live one.
	EffectSchema
	// EffectRepeatable: running it again is harmless (ANALYZE, VACUUM).
	EffectRepeatable
)

// Resumer classifies statements for resuming a run; the errors of such
// a statement are classified by ErrorClassifier.Rejected.
type Resumer interface {
	// Effect classifies a statement that commits on its own.
	// EffectOpaque is always safe.
	Effect(stmt string) Effect
}

// InFlightVerdict is what the catalog says of an interrupted statement.
type InFlightVerdict int

const (
	// InFlightUnknown: the checker does not know this kind of statement.
	InFlightUnknown InFlightVerdict = iota
	// InFlightApplied: the statement's whole effect is present.
	InFlightApplied
	// InFlightNotApplied: nothing of it is left; run the cleanup
	// statements, then the statement again.
	InFlightNotApplied
)

// InFlightChecker knows, for some statements, how to prove from the
// catalog whether they took effect (PostgreSQL: an index built
// CONCURRENTLY exists and is valid).
type InFlightChecker interface {
	// CheckInFlight inspects the catalog for stmt. cleanup, with
	// InFlightNotApplied, removes what a failed attempt left (an invalid
	// index) and runs before the statement is retried. A statement it
	// does not know gives InFlightUnknown and no error.
	CheckInFlight(ctx context.Context, q Querier, stmt string) (v InFlightVerdict, cleanup []string, err error)
}
