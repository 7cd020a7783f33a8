package dialect

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAwaitLock(t *testing.T) {
	old := LockReportEvery
	LockReportEvery = 150 * time.Millisecond
	defer func() { LockReportEvery = old }()
	boom := errors.New("boom")
	cases := []struct {
		name      string
		freeAfter int // attempts that fail before one succeeds; -1 never
		tryErr    error
		holder    string
		cancel    time.Duration
		wantErr   error
		reports   [2]int // how many Waiting calls: at least, at most
		want      string // in every report and the error
	}{
		{"free at once", 0, nil, "h", 0, nil, [2]int{0, 0}, ""},
		{"free on the third try", 2, nil, "pid 7", 0, nil, [2]int{1, 1}, "pid 7"},
		{"busy until the timeout, reported again", -1, nil, "pid 7", 0, ErrLockTimeout, [2]int{2, 4}, "pid 7"},
		{"holder gone while looking", -1, nil, "", 0, ErrLockTimeout, [2]int{2, 4}, "unknown session"},
		// A second report may come first when the machine is slow to run the cancel.
		{"cancelled", -1, nil, "pid 7", 150 * time.Millisecond, context.Canceled, [2]int{1, 2}, "pid 7"},
		{"attempt fails", -1, boom, "pid 7", 0, boom, [2]int{0, 0}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancel > 0 {
				time.AfterFunc(tc.cancel, cancel)
			}
			tries := 0
			try := func(context.Context) (bool, error) {
				tries++
				return tc.freeAfter >= 0 && tries > tc.freeAfter, tc.tryErr
			}
			var reports []string
			opts := LockOptions{Timeout: 500 * time.Millisecond, Waiting: func(h string) { reports = append(reports, h) }}
			err := AwaitLock(ctx, opts, try, func(context.Context) string { return tc.holder })
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr != ErrLockTimeout && errors.Is(err, ErrLockTimeout) {
				t.Fatalf("err = %v wraps ErrLockTimeout", err)
			}
			if len(reports) < tc.reports[0] || len(reports) > tc.reports[1] {
				t.Errorf("%d reports %q, want %d to %d", len(reports), reports, tc.reports[0], tc.reports[1])
			}
			for _, r := range reports {
				if !strings.Contains(r, tc.want) {
					t.Errorf("report %q does not contain %q", r, tc.want)
				}
			}
			if errors.Is(err, ErrLockTimeout) && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name the holder %q", err, tc.want)
			}
		})
	}
}

func TestHolderQuery(t *testing.T) {
	long := strings.Repeat("é", 120)
	for in, want := range map[string]string{
		"":                                      "",
		"\n  \n  UPDATE t SET a = 1\n  WHERE b": "UPDATE t SET a = 1",
		long:                                    strings.Repeat("é", 100) + "...",
	} {
		if got := HolderQuery(in); got != want {
			t.Errorf("HolderQuery(%q) = %q, want %q", in, got, want)
		}
	}
}
