package retort

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"testing"
	"time"
)

// The first failure is the one reported, whatever error the other side
// gives once it is cancelled: go-sql-driver/mysql answers an interrupted
// query with "bad connection", not context.Canceled.
func TestBothOrFirstFailure(t *testing.T) {
	refused := errors.New("schema.sql:1: USE would move the load")
	unreadable := errors.New("reflect: permission denied")
	interrupted := func(ctx context.Context) error {
		<-ctx.Done()
		return fmt.Errorf("reflect routines: %w", driver.ErrBadConn)
	}
	fails := func(err error, after time.Duration) func(context.Context) error {
		return func(context.Context) error { time.Sleep(after); return err }
	}
	ok := func(context.Context) error { return nil }
	cases := []struct {
		name       string
		live, load func(context.Context) error
		want       error
	}{
		{"both succeed", ok, ok, nil},
		{"load refused, live interrupted with bad connection", interrupted, fails(refused, 0), refused},
		{"live fails, load interrupted", fails(unreadable, 0), interrupted, unreadable},
		{"load fails after live succeeded", ok, fails(refused, 10*time.Millisecond), refused},
		{"live fails first, then the load with an error of its own", fails(unreadable, 0),
			func(ctx context.Context) error { <-ctx.Done(); return refused }, unreadable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := bothOrFirstFailure(context.Background(), tc.live, tc.load); !errors.Is(got, tc.want) || (tc.want == nil) != (got == nil) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}
