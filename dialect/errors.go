package dialect

// ErrorClassifier is the error role: what a driver error means.
type ErrorClassifier interface {
	// DescribeError gives the database's own message for a driver error,
	// without the driver's prefixes and with the code, detail and hint
	// the database gives, for error output. Schema-load errors
	// (ExecFile) and migration errors both use it. Optional: Base gives
	// err.Error().
	DescribeError(err error) string
	// MissingTable reports whether err says a table of the statement
	// does not exist, from the database's error code rather than its
	// message text, which may be translated. The runner reads a database
	// without BookkeepingTables as one that was never migrated only when
	// MissingTable says so. Optional: Base says false, so reading a
	// database that was never migrated fails instead.
	MissingTable(err error) bool
	// Rejected reports whether err is the database's own refusal of a
	// statement, after which the statement had no effect, as opposed to
	// a lost connection or a cancellation, after which it may have had.
	// Optional: Base says false, which is always safe: the runner then
	// treats an interrupted statement as possibly applied.
	Rejected(err error) bool
}
