// Package schemasource runs the programs a desired schema may come from:
// a command printing DDL (exec:) and a loader of Go ORM models (gorm:,
// ent:, bun:) built and run with the user's Go toolchain.
package schemasource

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrSource is wrapped by every error of a program source: it could not
// run, failed, printed nothing, or ran out of time.
var ErrSource = errors.New("desired-schema source failed")

// failure is an error of the source spec, one sentence naming it.
func failure(spec, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrSource, spec, fmt.Sprintf(format, args...))
}

// output is what a program printed.
type output struct{ stdout, stderr string }

// run runs args in dir and waits at most timeout. The program and any
// children it started (go run starts the built binary) are killed as a
// group when the time is up or ctx is cancelled.
func run(ctx context.Context, spec, dir string, args []string, timeout time.Duration) (output, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	ownProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second // a grandchild holding the pipes open must not hang retort
	err := cmd.Run()
	out := output{stdout: stdout.String(), stderr: strings.TrimSpace(stderr.String())}
	switch {
	case err == nil:
		return out, nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return out, failure(spec, "%s did not finish within %s (raise source_timeout in retort.toml if it needs longer)", strings.Join(args, " "), timeout)
	case ctx.Err() != nil:
		return out, fmt.Errorf("%w: %s: %s stopped: %w", ErrSource, spec, args[0], ctx.Err())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out, &exitFailure{failure(spec, "%s exited with status %d%s", strings.Join(args, " "), exit.ExitCode(), shown(out.stderr))}
	}
	return out, failure(spec, "cannot run %s: %v", args[0], err)
}

// exitFailure is a program that ran and exited with a non-zero status.
type exitFailure struct{ err error }

func (e *exitFailure) Error() string { return e.err.Error() }
func (e *exitFailure) Unwrap() error { return e.err }

// stderrIfAny appends a program's standard error to a message, if any.
func stderrIfAny(stderr string) string {
	if stderr == "" {
		return ""
	}
	return ":\n" + stderr
}

// shown appends a program's standard error to a message.
func shown(stderr string) string {
	if stderr == "" {
		return " and printed nothing on standard error"
	}
	return ":\n" + stderr
}
