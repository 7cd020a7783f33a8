package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/retortdb/retort"
)

// renameOptions turns --rename and --no-rename into autogenerate's rename
// decisions; on a terminal, the candidates left are asked about.
func renameOptions(specs []string, noRename bool) (retort.AutogenerateOptions, error) {
	opts := retort.AutogenerateOptions{NoRename: noRename}
	for _, spec := range specs {
		r, err := retort.ParseRename(spec)
		if err != nil {
			return opts, fmt.Errorf("%w: --rename: %w", errUsage, err)
		}
		r.Source = "--rename " + spec
		opts.Renames = append(opts.Renames, r)
	}
	if !noRename && (isatty.IsTerminal(os.Stdin.Fd()) || isatty.IsCygwinTerminal(os.Stdin.Fd())) {
		opts.Decide = askRename(os.Stdin, os.Stderr)
	}
	return opts, nil
}

// askRename asks about each likely rename on w and reads y or n from in;
// anything else is no. Without input the candidate stays undecided.
func askRename(in io.Reader, w io.Writer) func(retort.RenameCandidate) (bool, error) {
	r := bufio.NewReader(in)
	closed := false
	return func(c retort.RenameCandidate) (bool, error) {
		if closed {
			return false, retort.ErrUndecided
		}
		fmt.Fprintf(w, "%s [y/N] ", c.Question())
		line, err := r.ReadString('\n')
		if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
			closed = true
			fmt.Fprintln(w)
			return false, retort.ErrUndecided
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "y", "yes":
			return true, nil
		}
		return false, nil
	}
}

// undecidedMessage names each likely rename and the three ways to decide;
// cmd is the command that found them (autogenerate, diff).
func undecidedMessage(e *retort.UndecidedRenamesError, cmd string) string {
	var b strings.Builder
	if len(e.Candidates) == 1 {
		fmt.Fprintf(&b, "%s found a likely rename; a drop and add would lose its values, so it needs a decision:\n", cmd)
	} else {
		fmt.Fprintf(&b, "%s found %d likely renames; a drop and add would lose their values, so each needs a decision:\n", cmd, len(e.Candidates))
	}
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "  %s\n", c)
		fmt.Fprintf(&b, "    rename it:        --rename %s\n", c.Flag())
		fmt.Fprintf(&b, "    or in the schema: %s\n", c.HintText())
	}
	b.WriteString("or, if they are not renames, confirm the drop and add with --no-rename")
	if cmd == "autogenerate" {
		b.WriteString(" (run on a terminal to be asked about each)")
	}
	return b.String()
}
