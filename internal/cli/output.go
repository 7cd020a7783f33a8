package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// printer writes user-facing output: colored on a terminal, silent
// progress under --quiet. Progress, notes and verbose output have
// passwords masked; results (SQL, schema dumps) are printed exactly.
type printer struct {
	out, err io.Writer
	quiet    bool
	verbose  bool
	// Colour is decided per stream: `retort history 2>log` keeps a
	// coloured terminal and a clean log.
	outColor, errColor bool
	secrets            []string // masked in error text printed on stdout
}

func newPrinter(out, errw io.Writer, quiet, verbose bool, secrets ...string) *printer {
	return &printer{out: out, err: &redactWriter{w: errw, secrets: secrets}, quiet: quiet, verbose: verbose,
		outColor: colorOn(out, os.Getenv, isTerminal),
		errColor: colorOn(errw, os.Getenv, isTerminal),
		secrets:  secrets}
}

// isTerminal is a variable so tests can say which descriptors are
// terminals without a pty.
var isTerminal = isatty.IsTerminal

// colorOn reports whether w gets ANSI colour: only a terminal does, and
// none at all when NO_COLOR is set to anything (https://no-color.org).
func colorOn(w io.Writer, getenv func(string) string, isTerminal func(fd uintptr) bool) bool {
	if getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(interface{ Fd() uintptr })
	return ok && isTerminal(f.Fd())
}

const (
	green  = "32"
	red    = "31"
	yellow = "33"
	bold   = "1"
)

// paint colours s for stdout (results); paintErr for stderr (notes,
// progress, a "no" answer).
func (p *printer) paint(code, s string) string { return ansi(p.outColor, code, s) }

func (p *printer) paintErr(code, s string) string { return ansi(p.errColor, code, s) }

func ansi(on bool, code, s string) string {
	if !on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// result prints a command's answer; --quiet does not hide it.
func (p *printer) result(format string, args ...any) {
	fmt.Fprintf(p.out, format+"\n", args...)
}

// info prints progress and notes to stderr unless --quiet.
func (p *printer) info(format string, args ...any) {
	if !p.quiet {
		fmt.Fprintf(p.err, format+"\n", args...)
	}
}

// progress is the writer the runner logs to.
func (p *printer) progress() io.Writer {
	if p.quiet {
		return io.Discard
	}
	return p.err
}
