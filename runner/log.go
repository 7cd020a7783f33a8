package runner

import (
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/revision"
)

// logLine is the progress line of one revision:
// "upgrade 3f2a9c1e7b10 -> cascade notes on user delete ... ok (12 ms)".
type logLine struct {
	r       *Runner
	skipped bool
	notes   []string
}

func (r *Runner) logStart(rev *revision.Revision, dir string) *logLine {
	l := &logLine{r: r}
	if r.Log == nil {
		return l
	}
	verb := "upgrade"
	if dir == dirDown {
		verb = "downgrade"
	}
	msg := rev.Message
	if msg == "" {
		msg = rev.File
	}
	fmt.Fprintf(r.Log, "%s %s -> %s ... ", verb, rev.ID, msg)
	if r.Verbose {
		fmt.Fprintln(r.Log)
	}
	return l
}

func (l *logLine) skip() { l.skipped = true }

func (l *logLine) note(s string) { l.notes = append(l.notes, s) }

func (l *logLine) end(ran bool, err error, took time.Duration) {
	if l.r.Log == nil {
		return
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

// logStatement shows a statement before it runs, in verbose mode.
func (r *Runner) logStatement(s string) {
	if r.Log == nil || !r.Verbose {
		return
	}
	fmt.Fprintf(r.Log, "    %s;\n", strings.ReplaceAll(s, "\n", "\n    "))
}
