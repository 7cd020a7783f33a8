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
	color    bool
	secrets  []string // masked in error text printed on stdout
}

func newPrinter(out, errw io.Writer, quiet, verbose bool, secrets ...string) *printer {
	color := false
	if f, ok := out.(*os.File); ok && os.Getenv("NO_COLOR") == "" {
		color = isatty.IsTerminal(f.Fd())
	}
	errw = &redactWriter{w: errw, secrets: secrets}
	return &printer{out: out, err: errw, quiet: quiet, verbose: verbose, color: color, secrets: secrets}
}

const (
	green  = "32"
	red    = "31"
	yellow = "33"
	bold   = "1"
)

func (p *printer) paint(code, s string) string {
	if !p.color {
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
