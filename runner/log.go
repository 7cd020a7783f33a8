package runner

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/revision"
)

// logLine is the progress line of one revision:
// "upgrade 3f2a9c1e7b10 -> cascade notes on user delete ... ok (12 ms)",
// and the same events as records of Runner.Logger when it is set.
type logLine struct {
	r       *Runner
	rev     slog.Attr // revision id, for every record
	prefix  string
	tty     bool // show the running statement's number in place
	shown   bool
	skipped bool
	notes   []string
	mu      sync.Mutex // the progress ticker writes too
}

// Long statements (the row copy of a table rebuild) report progress: on
// a terminal the elapsed time in place every progressTTY, elsewhere a line
// every progressPlain.
var (
	progressTTY   = time.Second
	progressPlain = 10 * time.Second
)

// isTerminal reports whether w, or the writer a wrapper with
// Unwrap() io.Writer writes to, is a terminal; tests replace it.
var isTerminal = func(w io.Writer) bool {
	for u, ok := w.(interface{ Unwrap() io.Writer }); ok; u, ok = w.(interface{ Unwrap() io.Writer }) {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (r *Runner) logStart(rev *revision.Revision, dir revision.Direction) *logLine {
	l := &logLine{r: r, rev: slog.String("revision", rev.ID)}
	msg := rev.Message
	if msg == "" {
		msg = rev.File
	}
	r.slog(slog.LevelInfo, "revision start", l.rev, slog.String("direction", string(dir)), slog.String("message", msg))
	if r.Log == nil {
		return l
	}
	verb := "upgrade"
	if dir == revision.Down {
		verb = "downgrade"
	}
	l.prefix = fmt.Sprintf("%s %s -> %s ... ", verb, rev.ID, msg)
	l.tty = !r.Verbose && isTerminal(r.Log)
	fmt.Fprint(r.Log, l.prefix)
	if r.Verbose {
		fmt.Fprintln(r.Log)
	}
	return l
}

func (l *logLine) skip() { l.skipped = true }

// step marks statement i of n as running until the returned function is
// called: on a terminal "statement i/n" shows in place, and a statement
// that runs long (the INSERT ... SELECT of a rebuild) keeps reporting how
// long it has been running, so a big table copy is visibly at work.
func (l *logLine) step(i, n int, stmt string) (done func()) {
	l.r.slog(slog.LevelDebug, "statement start", l.rev, slog.Int("statement", i), slog.Int("of", n))
	if l.r.Log == nil && l.r.Logger == nil {
		return func() {}
	}
	if l.r.Log != nil && l.tty && n >= 2 {
		l.mu.Lock()
		fmt.Fprintf(l.r.Log, "\r\x1b[K%sstatement %d/%d", l.prefix, i, n)
		l.shown = true
		l.mu.Unlock()
	}
	every := progressPlain
	if l.tty {
		every = progressTTY
	}
	stop, stopped := make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(stopped)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				l.progress(i, n, stmt, time.Since(start))
			}
		}
	}()
	return func() {
		close(stop)
		<-stopped
	}
}

func (l *logLine) progress(i, n int, stmt string, running time.Duration) {
	l.r.slog(slog.LevelInfo, "statement still running", l.rev, slog.Int("statement", i), slog.Int("of", n),
		slog.Duration("running", running))
	if l.r.Log == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	secs := running.Round(time.Second)
	if l.tty {
		fmt.Fprintf(l.r.Log, "\r\x1b[K%sstatement %d/%d, running %s", l.prefix, i, n, secs)
		l.shown = true
		return
	}
	first, _, _ := strings.Cut(strings.TrimSpace(stmt), "\n")
	if len(first) > 72 {
		first = first[:72] + "..."
	}
	fmt.Fprintf(l.r.Log, "\n  statement %d/%d still running after %s: %s", i, n, secs, first)
	l.shown = true
}

func (l *logLine) note(s string) {
	l.r.slog(slog.LevelInfo, "note", l.rev, slog.String("note", s))
	l.notes = append(l.notes, s)
}

func (l *logLine) end(ran bool, err error, took time.Duration) {
	switch took := slog.Int64("duration_ms", took.Milliseconds()); {
	case err != nil:
		l.r.slog(slog.LevelError, "revision end", l.rev, slog.String("status", "failed"), took, slog.String("error", err.Error()))
	case l.skipped || !ran:
		l.r.slog(slog.LevelInfo, "revision end", l.rev, slog.String("status", "skipped"), took)
	default:
		l.r.slog(slog.LevelInfo, "revision end", l.rev, slog.String("status", "ok"), took)
	}
	if l.r.Log == nil {
		return
	}
	if l.shown && l.tty {
		fmt.Fprintf(l.r.Log, "\r\x1b[K%s", l.prefix)
	} else if l.shown {
		fmt.Fprintf(l.r.Log, "\n%s", l.prefix)
	}
	var notes string
	if len(l.notes) > 0 {
		notes = strings.Join(l.notes, "; ") + "; "
	}
	switch {
	case err != nil:
		fmt.Fprintf(l.r.Log, "%sFAILED\n", notes)
	case l.skipped || !ran:
		fmt.Fprintf(l.r.Log, "%sskipped (already done by another process)\n", notes)
	default:
		fmt.Fprintf(l.r.Log, "%sok (%d ms)\n", notes, took.Milliseconds())
	}
}

// logStatement shows a statement before it runs, in verbose mode; the
// Logger gets it at debug level.
func (r *Runner) logStatement(s string) {
	r.slog(slog.LevelDebug, "statement", slog.String("sql", s))
	if r.Log == nil || !r.Verbose {
		return
	}
	fmt.Fprintf(r.Log, "    %s;\n", strings.ReplaceAll(s, "\n", "\n    "))
}

// logLockWait reports that another migration holds the lock.
func (r *Runner) logLockWait(holder string) {
	r.slog(slog.LevelWarn, "waiting for the migration lock", slog.String("holder", holder))
	if r.Log != nil {
		fmt.Fprintf(r.Log, "waiting for the migration lock: held by %s\n", holder)
	}
}

// slog writes one record to Logger, if set.
func (r *Runner) slog(level slog.Level, msg string, attrs ...slog.Attr) {
	if r.Logger != nil {
		r.Logger.LogAttrs(context.Background(), level, msg, attrs...)
	}
}
