package retort

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/hint"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/runner"
)

// ErrInvalid is wrapped by every error about bad input in revisions: a
// malformed or unreadable file, an inconsistent graph, an unknown or
// ambiguous target.
var ErrInvalid = revision.ErrInvalid

// MigrationError is a revision that failed to apply or revert; Upgrade
// and Downgrade errors wrap it (errors.As).
type MigrationError = runner.MigrationError

// ErrInterrupted is wrapped by the error of a run stopped by its context
// (Ctrl-C); the Results returned are the revisions really recorded.
var ErrInterrupted = runner.ErrInterrupted

// UnmanagedDifference is an object retort does not manage (or an attribute
// it cannot express) that differs between the database and the desired
// schema.
type UnmanagedDifference = diff.UnmanagedDifference

// UnmanagedError is Autogenerate's refusal while unmanaged objects
// differ (AutogenerateOptions.IgnoreUnmanaged writes the revision anyway).
type UnmanagedError = diff.UnmanagedError

// CancelError is joined to a cancelled run's error when the interrupted
// statement may still be running on the server.
type CancelError = dialect.CancelError

// HintError is a misplaced or malformed "-- retort:renamed-from" hint in
// the desired SQL.
type HintError = hint.Error

// RenameError is a decided rename (option or hint) that does not fit the
// schemas.
type RenameError = diff.RenameError

// UndecidedRenamesError lists the likely renames Autogenerate needs a
// decision about.
type UndecidedRenamesError = diff.UndecidedRenamesError

// Redact masks passwords in text: those of database URLs in it, and any
// of secrets in any form they may be quoted in.
func Redact(text string, secrets ...string) string { return dialect.Redact(text, secrets...) }

// URLSecrets returns the passwords a database URL holds, for Redact.
func URLSecrets(databaseURL string) []string { return dialect.Secrets(databaseURL) }
