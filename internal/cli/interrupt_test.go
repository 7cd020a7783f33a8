//go:build unix

package cli

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort"
)

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestInterrupts sends real signals to the test process: the first ends
// the context and sets the exit code and line, the second exits at once.
func TestInterrupts(t *testing.T) {
	tests := []struct {
		first, second syscall.Signal
		err           error
		code, forced  int
		line          string
	}{
		{syscall.SIGINT, syscall.SIGINT, errors.New("context canceled"), 130, 130,
			"retort: interrupted (SIGINT): the running statement was cancelled on the server and rolled back; nothing after it ran\n"},
		{syscall.SIGTERM, syscall.SIGINT, errors.New("context canceled"), 143, 130,
			"retort: interrupted (SIGTERM): the running statement was cancelled on the server and rolled back; nothing after it ran\n"},
		{syscall.SIGINT, syscall.SIGTERM, errors.Join(errors.New("context canceled"), &retort.CancelError{Err: errors.New("still there after 10s")}), 130, 143,
			"retort: interrupted (SIGINT), but the interrupted statement may still be running on the server: still there after 10s\n"},
		// The signal raced a COMMIT that went through: the runner's re-read
		// of retort_version is what is reported.
		{syscall.SIGINT, syscall.SIGINT, fmt.Errorf("%w after revision abc123 was committed and recorded", retort.ErrInterrupted), 130, 130,
			"retort: interrupted after revision abc123 was committed and recorded (SIGINT); nothing after it ran\n"},
	}
	for _, tt := range tests {
		t.Run(signalName(tt.first)+" then "+signalName(tt.second), func(t *testing.T) {
			forced := make(chan int, 1)
			old := exitNow
			exitNow = func(code int) { forced <- code }
			defer func() { exitNow = old }()
			var stderr syncBuffer
			ctx, in := watchInterrupts(&stderr)
			defer in.stop()
			if err := syscall.Kill(syscall.Getpid(), tt.first); err != nil {
				t.Fatal(err)
			}
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("the context did not end after the first signal")
			}
			var report syncBuffer
			if code := in.report(&report, tt.err); code != tt.code || report.String() != tt.line {
				t.Errorf("report = %d %q, want %d %q", code, report.String(), tt.code, tt.line)
			}
			if err := syscall.Kill(syscall.Getpid(), tt.second); err != nil {
				t.Fatal(err)
			}
			select {
			case code := <-forced:
				if code != tt.forced {
					t.Errorf("the second signal exited %d, want %d", code, tt.forced)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the second signal did not force an exit")
			}
			if want := "retort: interrupted again (" + signalName(tt.second) + ")"; !strings.HasPrefix(stderr.String(), want) {
				t.Errorf("stderr = %q, want it to start with %q", stderr.String(), want)
			}
		})
	}
}
