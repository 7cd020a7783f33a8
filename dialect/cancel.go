package dialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"
)

// Canceller matters for databases whose server keeps running a statement
// after its client has given up: a closed socket does not stop it, and
// it keeps its locks until it ends.
type Canceller interface {
	// WatchCancel learns conn's server-side id at once and, if ctx ends
	// before stop is called, cancels conn's running statement on the
	// server through another connection from db and waits until it has
	// stopped. After such a cancel, stop discards conn instead of
	// returning it to db's pool and waits until its server session has
	// ended, so no transaction or session lock of it survives. db must
	// be able to open a connection besides conn. stop's error is a
	// *CancelError.
	WatchCancel(ctx context.Context, db *sql.DB, conn *sql.Conn) (stop func() error, err error)
}

// ServerSession is one connection's session as another connection sees
// it; dialects implement it for WatchSession.
type ServerSession interface {
	// Cancel cancels the statement the session is running, if any.
	Cancel(ctx context.Context, db *sql.DB) error
	// Running reports whether a statement that was running when Cancel
	// was called still runs.
	Running(ctx context.Context, db *sql.DB) (bool, error)
	// Alive reports whether the session still exists on the server.
	Alive(ctx context.Context, db *sql.DB) (bool, error)
}

// CancelError says an interrupted statement could not be shown to have
// stopped on the server, or its session to have ended.
type CancelError struct{ Err error }

func (e *CancelError) Error() string {
	return "the interrupted statement may still be running on the server: " + e.Err.Error()
}

func (e *CancelError) Unwrap() error { return e.Err }

// How long a cancel may take: the statement to stop, then the discarded
// session to end.
var (
	CancelWait  = 10 * time.Second
	SessionWait = 5 * time.Second
)

// WatchSession implements Canceller.WatchCancel for a dialect given conn's
// session s. stop may be called more than once.
func WatchSession(ctx context.Context, db *sql.DB, conn *sql.Conn, s ServerSession) (stop func() error) {
	stopped := make(chan struct{})
	endedFirst := false // ctx ended before stop; written before stopped closes
	done := make(chan error, 1)
	go func() {
		select {
		case <-stopped:
			if !endedFirst {
				close(done)
				return
			}
		case <-ctx.Done():
		}
		cctx, cancel := context.WithTimeout(context.Background(), CancelWait)
		defer cancel()
		done <- cancelAndWait(cctx, db, s)
	}()
	return sync.OnceValue(func() error {
		endedFirst = ctx.Err() != nil
		close(stopped)
		err, cancelled := <-done
		if !cancelled {
			return nil
		}
		// Closed, not pooled: whatever the statement's end left behind
		// (an aborted transaction, a session lock) ends with the session.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		if err != nil {
			return &CancelError{err}
		}
		sctx, cancel := context.WithTimeout(context.Background(), SessionWait)
		defer cancel()
		if err := poll(sctx, SessionWait, func() (bool, error) { return s.Alive(sctx, db) }); err != nil {
			return &CancelError{fmt.Errorf("waiting for the interrupted session to end: %w", err)}
		}
		return nil
	})
}

func cancelAndWait(ctx context.Context, db *sql.DB, s ServerSession) error {
	if err := s.Cancel(ctx, db); err != nil {
		return fmt.Errorf("cancelling it through another connection failed: %w", err)
	}
	if err := poll(ctx, CancelWait, func() (bool, error) { return s.Running(ctx, db) }); err != nil {
		return fmt.Errorf("waiting for it to stop: %w", err)
	}
	return nil
}

// poll calls busy until it reports false, or fails when ctx (which ends
// after limit) ends first.
func poll(ctx context.Context, limit time.Duration, busy func() (bool, error)) error {
	for {
		b, err := busy()
		if err != nil {
			return err
		}
		if !b {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("still there after %v", limit)
		case <-time.After(25 * time.Millisecond):
		}
	}
}
