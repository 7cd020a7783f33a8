package cli

import (
	"errors"
	"os"
	"syscall"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
)

// Exit codes fixed by SPEC.md.
const (
	exitOK      = 0
	exitNo      = 1 // check found differences, or a command's own "no"
	exitUsage   = 2 // bad flag, URL, config, revision file, unknown revision
	exitFailure = 3 // the database refused something or a migration failed
	// 128 + the signal number, as shells report a process a signal ended.
	exitInterrupted = 130 // SIGINT
	exitTerminated  = 143 // SIGTERM
)

func signalExit(s os.Signal) int {
	if s == syscall.SIGTERM {
		return exitTerminated
	}
	return exitInterrupted
}

// errUsage marks usage errors found by the CLI itself.
var errUsage = errors.New("usage error")

// answerNo is returned by a command whose answer is "no" (exit 1) after it
// has printed why.
type answerNo struct{ msg string }

func (a answerNo) Error() string { return a.msg }

func exitCode(err error) int {
	var no answerNo
	var badHint *retort.HintError
	var badRename *retort.RenameError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &no), errors.Is(err, retort.ErrNotAtHead):
		return exitNo
	case errors.Is(err, errUsage), errors.Is(err, config.ErrConfig), errors.Is(err, retort.ErrInvalid),
		errors.Is(err, retort.ErrSource), errors.Is(err, retort.ErrOutsideScope), errors.Is(err, retort.ErrMalformedFile), errors.Is(err, retort.ErrDestructive), errors.As(err, &badHint), errors.As(err, &badRename):
		return exitUsage
	default:
		return exitFailure
	}
}
