package runner

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrInterrupted is wrapped by the error of a run stopped by its context
// (Ctrl-C); the revisions it returns are those really recorded.
var ErrInterrupted = errors.New("interrupted")

// truth re-reads the bookkeeping after a failed or interrupted revision
// and reports what is true: a COMMIT that the interruption raced may have
// gone through, and then the revision is applied and recorded.
func (j *job) truth(ctx context.Context, ran bool, err error) (bool, error) {
	if err == nil || ran {
		return ran, err
	}
	if ctx.Err() == nil {
		return ran, err
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	b := book{j.r.Dialect}
	current, rerr := b.heads(rctx, j.conn)
	if rerr != nil {
		// The migrating connection is gone (the driver dropped it on
		// cancel); a fresh one sees the same committed state.
		current, rerr = b.heads(rctx, j.r.DB)
	}
	if rerr != nil {
		return ran, fmt.Errorf("%w: %w (and reading retort_version afterwards failed: %v, so whether revision %s was recorded is unknown; run retort current)", ErrInterrupted, err, rerr, j.rev.ID)
	}
	if j.done(current) {
		return true, fmt.Errorf("%w after revision %s was committed and recorded", ErrInterrupted, j.rev.ID)
	}
	return false, fmt.Errorf("%w: %w", ErrInterrupted, err)
}
