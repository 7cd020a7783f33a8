package reliability

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// proc is a retort running in the background, which the test may signal
// or kill; the test's cleanup kills it. Its output is kept as it comes:
// stdout, stderr, and both in the order written (out).
type proc struct {
	cmd                 *exec.Cmd
	stdout, stderr, out syncBuffer
	done                chan struct{}
	err                 error
}

// startRetort runs retort with args in dir, for at most two minutes.
func startRetort(t *testing.T, dir string, args ...string) *proc {
	t.Helper()
	return startProgram(t, bin, dir, args...)
}

// startProgram runs exe (retort, or a program that embeds it) as
// startRetort does.
func startProgram(t *testing.T, exe, dir string, args ...string) *proc {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	pr := &proc{cmd: programCommand(ctx, exe, dir, args...), done: make(chan struct{})}
	pr.cmd.Stdout = io.MultiWriter(&pr.stdout, &pr.out)
	pr.cmd.Stderr = io.MultiWriter(&pr.stderr, &pr.out)
	if err := pr.cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting %s failed: %v", filepath.Base(exe), err)
	}
	go func() {
		pr.err = pr.cmd.Wait()
		cancel()
		close(pr.done)
	}()
	t.Cleanup(func() {
		_ = pr.cmd.Process.Kill()
		<-pr.done
	})
	return pr
}

func (pr *proc) stderrSoFar() string { return pr.stderr.String() }

func (pr *proc) exited() bool {
	select {
	case <-pr.done:
		return true
	default:
		return false
	}
}

// wait waits for the process to exit by itself; its combined output is
// both stdout and stderr of the result.
func (pr *proc) wait() result {
	<-pr.done
	out := pr.out.String()
	r := result{stdout: out, stderr: out}
	var ee *exec.ExitError
	switch {
	case errors.As(pr.err, &ee):
		r.code = ee.ExitCode()
	case pr.err != nil:
		r.code = -1
		r.stderr += pr.err.Error()
	}
	return r
}

// waitWithin waits up to limit for the process to exit, killing it and
// failing the test after that, and returns its result.
func (pr *proc) waitWithin(t *testing.T, limit time.Duration) result {
	t.Helper()
	select {
	case <-pr.done:
	case <-time.After(limit):
		_ = pr.cmd.Process.Kill()
		<-pr.done
		t.Fatalf("retort did not exit within %v; stderr:\n%s", limit, pr.stderrSoFar())
	}
	r := result{code: pr.cmd.ProcessState.ExitCode(), stdout: pr.stdout.String(), stderr: pr.stderr.String()}
	if r.code == -1 {
		r.stderr += fmt.Sprintf("(retort ended abnormally: %v)\n", pr.err)
	}
	return r
}

// kill sends SIGKILL and waits for the process to die. It fails the test
// when retort had already exited: the kill did not land where the test
// waited for it.
func (pr *proc) kill(t *testing.T) {
	t.Helper()
	if pr.exited() {
		t.Fatalf("retort exited before the kill (%v):\n%s", pr.err, &pr.out)
	}
	if err := pr.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL failed: %v", err)
	}
	<-pr.done
}

// syncBuffer is a bytes.Buffer safe for a writing process and a polling test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
