package dialect

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultLockTimeout is how long Lock waits for another migration when
// LockOptions.Timeout is 0.
const DefaultLockTimeout = 60 * time.Second

// ErrLockTimeout is wrapped by every dialect's error for a migration lock
// that another session still held when LockOptions.Timeout passed.
var ErrLockTimeout = errors.New("timed out waiting for the migration lock")

// LockOptions tunes Dialect.Lock.
type LockOptions struct {
	// Timeout is how long to wait for another session's lock; 0 means
	// DefaultLockTimeout.
	Timeout time.Duration
	// Waiting is called when the lock is busy, at once and then every
	// LockReportEvery, with a one-line description of the holder; may be
	// nil.
	Waiting func(holder string)
}

// LockReportEvery is how often Waiting is called again during a long
// wait, so a log shows the wait is still going on and who blocks it.
var LockReportEvery = 10 * time.Second

// Lock polling backs off from lockPollMin to lockPollMax: fast enough that a
// short migration's successor starts promptly, slow enough not to load
// the server during a long one.
const (
	lockPollMin = 100 * time.Millisecond
	lockPollMax = time.Second
)

// unknownHolder is the description when the holder cannot be found, most
// often because it released the lock between the attempt and the look-up.
const unknownHolder = "an unknown session (it may have just released the lock)"

// AwaitLock calls try until it takes the lock, ctx ends or opts.Timeout
// passes. While the lock is busy it reports holder(ctx) to opts.Waiting;
// the timeout error wraps ErrLockTimeout and names the holder. Dialects
// use it so every database waits, reports and times out alike.
func AwaitLock(ctx context.Context, opts LockOptions, try func(context.Context) (bool, error), holder func(context.Context) string) error {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	describe := func() string {
		if h := holder(ctx); h != "" {
			return h
		}
		return unknownHolder
	}
	deadline := time.Now().Add(timeout)
	var reported time.Time
	for wait := lockPollMin; ; wait = min(wait*2, lockPollMax) {
		ok, err := try(ctx)
		if err != nil || ok {
			return err
		}
		now := time.Now()
		if opts.Waiting != nil && (reported.IsZero() || now.Sub(reported) >= LockReportEvery) {
			opts.Waiting(describe())
			reported = now
		}
		left := deadline.Sub(now)
		if left <= 0 {
			return fmt.Errorf("%w after %s; it is held by %s", ErrLockTimeout, timeout, describe())
		}
		t := time.NewTimer(min(wait, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("waiting for the migration lock was cancelled: %w", ctx.Err())
		case <-t.C:
		}
	}
}

// HolderTime formats when a lock holder started something: the clock time,
// with the date when it is not today.
func HolderTime(t time.Time) string {
	t = t.Local()
	if t.Format(time.DateOnly) == time.Now().Format(time.DateOnly) {
		return t.Format(time.TimeOnly)
	}
	return t.Format(time.DateTime)
}

// HolderQuery shortens a holder's statement to its first non-blank line,
// at most 100 characters, so the report stays one line.
func HolderQuery(q string) string {
	for line := range strings.Lines(q) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > 100 {
			line = string(r[:100]) + "..."
		}
		return line
	}
	return ""
}
