package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/retortdb/retort"
)

// interrupts cancels the run's context on the first SIGINT or SIGTERM and
// remembers which arrived; the library then cancels the running
// statement on the server and rolls back. A second signal exits at once.
type interrupts struct {
	ch     chan os.Signal
	quit   chan struct{}
	cancel context.CancelFunc
	mu     sync.Mutex
	first  os.Signal
}

// exitNow ends the process on a second signal; a variable for tests.
var exitNow = os.Exit

func watchInterrupts(stderr io.Writer) (context.Context, *interrupts) {
	ctx, cancel := context.WithCancel(context.Background())
	in := &interrupts{ch: make(chan os.Signal, 2), quit: make(chan struct{}), cancel: cancel}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go in.loop(stderr)
	return ctx, in
}

func (in *interrupts) loop(stderr io.Writer) {
	select {
	case s := <-in.ch:
		in.mu.Lock()
		in.first = s
		in.mu.Unlock()
		in.cancel()
	case <-in.quit:
		return
	}
	select {
	case s := <-in.ch:
		fmt.Fprintf(stderr, "retort: interrupted again (%s): exiting without waiting; the server may still be running the statement\n", signalName(s))
		exitNow(signalExit(s))
	case <-in.quit:
	}
}

// stop stops listening; signals from now on have their default effect.
func (in *interrupts) stop() {
	signal.Stop(in.ch)
	close(in.quit)
	in.cancel()
}

// signal is the first signal received, or nil.
func (in *interrupts) signal() os.Signal {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.first
}

// report prints why an interrupted run ended and returns its exit code.
func (in *interrupts) report(w io.Writer, err error) int {
	s := in.signal()
	var ce *retort.CancelError
	var me *retort.MigrationError
	switch {
	case errors.As(err, &ce):
		fmt.Fprintf(w, "retort: interrupted (%s), but %v\n", signalName(s), retort.Redact(ce.Error()))
	case errors.Is(err, retort.ErrInterrupted) && !errors.As(err, &me):
		// The runner re-read retort_version: its word on what committed
		// (a COMMIT the signal raced may have gone through) is the truth.
		fmt.Fprintf(w, "retort: %s (%s); nothing after it ran\n", retort.Redact(strings.SplitN(err.Error(), "\n", 2)[0]), signalName(s))
	default:
		fmt.Fprintf(w, "retort: interrupted (%s): the running statement was cancelled on the server and rolled back; nothing after it ran\n", signalName(s))
	}
	return signalExit(s)
}

func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}
