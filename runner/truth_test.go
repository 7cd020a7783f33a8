package runner

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/revision"
)

// An interruption that raced the COMMIT (Ctrl-C while SQLite commits) must
// not report "failed" for a revision that is committed and recorded:
// truth re-reads retort_version and says what is true.
func TestTruthAfterInterruption(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, linear...)
		if _, err := r.Upgrade(ctx, "a1"); err != nil {
			t.Fatal(err)
		}
		conn, err := r.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		commitErr := errors.New("committing revision a1 failed: context canceled")

		j := &job{r: r, conn: conn, rev: r.Graph.Get("a1"), dir: revision.Up}
		ran, err := j.truth(cancelled, false, commitErr)
		if !ran || !errors.Is(err, ErrInterrupted) || !strings.Contains(err.Error(), "after revision a1 was committed and recorded") {
			t.Fatalf("recorded revision: ran=%v err=%v, want ran and the interruption after the commit", ran, err)
		}

		j = &job{r: r, conn: conn, rev: r.Graph.Get("a2"), dir: revision.Up}
		ran, err = j.truth(cancelled, false, commitErr)
		if ran || !errors.Is(err, ErrInterrupted) || !strings.Contains(err.Error(), "context canceled") {
			t.Fatalf("unrecorded revision: ran=%v err=%v, want not ran and the cause", ran, err)
		}

		// Without an interruption the error stands as it is.
		ran, err = j.truth(ctx, false, commitErr)
		if ran || err != commitErr {
			t.Fatalf("uninterrupted: ran=%v err=%v", ran, err)
		}
	})
}
