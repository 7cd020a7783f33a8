package dialect

// Optional interfaces for dialects whose DDL is not transactional (MySQL):
// the runner runs such revisions statement by statement with recorded
// progress, and these let it do so exactly once.

// ImplicitCommitter tells which statements commit on their own. The
// runner wraps every other statement in a transaction together with its
// progress record, so a data change is never done twice after a crash.
// Dialects that do not implement it are assumed to commit every statement
// implicitly.
type ImplicitCommitter interface {
	CommitsImplicitly(stmt string) bool
}

// ResumeClassifier recognizes the error a DDL statement gives when it
// already took effect: when a run is resumed, the statement that was
// running when the process died may have completed without its progress
// being recorded.
type ResumeClassifier interface {
	AlreadyApplied(err error) bool
}
