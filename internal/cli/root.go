// Package cli is retort's command line: cobra commands over the library.
package cli

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

// globals are the flags every command takes.
type globals struct {
	configPath string
	url        string
	dir        string
	verbose    bool
	quiet      bool
	noCache    bool
	// lockTimeout overrides lock_timeout when non-zero.
	lockTimeout time.Duration
}

// Main runs the CLI with args and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, in := watchInterrupts(stderr)
	defer in.stop()
	g := &globals{}
	root := newRoot(g, stdout, stderr)
	root.SetArgs(relativeTargetsLast(args))
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil && in.signal() != nil {
		return in.report(stderr, err)
	}
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") {
		err = fmt.Errorf("%w: %w", errUsage, err)
	}
	if err != nil {
		printError(stderr, err, knownSecrets(g)...)
	}
	return exitCode(err)
}

func printError(w io.Writer, err error, secrets ...string) {
	var no answerNo
	if errors.As(err, &no) {
		if no.msg != "" {
			fmt.Fprintln(w, no.msg)
		}
		return
	}
	msg := retort.Redact(err.Error(), secrets...)
	// The first line is the one clear sentence; details follow indented.
	first, rest, _ := strings.Cut(msg, "\n")
	fmt.Fprintln(w, "retort: "+first)
	if rest != "" {
		fmt.Fprintln(w, rest)
	}
}

func newRoot(g *globals, stdout, stderr io.Writer) *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:           "retort",
		Short:         "Schema migrations that keep every foreign key's intent",
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				return printVersion(cmd.Context(), stdout)
			}
			return cmd.Help()
		},
	}
	root.Flags().BoolVar(&showVersion, "version", false, "print the version (as retort version does)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return fmt.Errorf("%w: %w", errUsage, err)
	})
	pf := root.PersistentFlags()
	pf.StringVar(&g.configPath, "config", "", "config file (default retort.toml)")
	pf.StringVar(&g.url, "url", "", "database URL (overrides RETORT_URL, DATABASE_URL and the config)")
	pf.StringVar(&g.dir, "dir", "", "revision scripts directory (overrides the config)")
	pf.BoolVarP(&g.verbose, "verbose", "v", false, "print every statement as it runs")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print only results and errors")
	pf.DurationVar(&g.lockTimeout, "lock-timeout", 0, "how long to wait for another migration's lock before failing (default lock_timeout from the config, else 60s)")
	pf.BoolVar(&g.noCache, "no-cache", false, "load the desired schema into a scratch database even when an identical load is cached (also RETORT_NO_CACHE=1)")

	p := func() *printer { return newPrinter(stdout, stderr, g.quiet, g.verbose, knownSecrets(g)...) }
	root.AddCommand(
		initCmd(g, p),
		revisionCmd(g, p),
		upgradeCmd(g, p),
		downgradeCmd(g, p),
		stampCmd(g, p),
		currentCmd(g, p),
		historyCmd(g, p),
		headsCmd(g, p),
		mergeCmd(g, p),
		checkCmd(g, p),
		diffCmd(g, p),
		inspectCmd(g, p),
		graphCmd(g, p),
		lintCmd(g, p),
		resolveCmd(g, p),
		versionCmd(),
	)
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
	}
	teachAll(root)
	registerCompletions(g, root)
	return root
}

// wrapArgs makes positional-argument errors usage errors (exit 2).
func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return fmt.Errorf("%w: %s: %w", errUsage, cmd.CommandPath(), err)
		}
		return nil
	}
}

var relativeStep = regexp.MustCompile(`^-[0-9]+$`)

// relativeTargetsLast moves a "-N" target behind "--" so the flag parser
// does not take it for a shorthand flag: `retort downgrade -1` works as
// in Alembic.
func relativeTargetsLast(args []string) []string {
	out := make([]string, 0, len(args)+1)
	var steps []string
	for i, a := range args {
		if a == "--" {
			out = append(out, args[i:]...)
			return append(out, steps...)
		}
		if relativeStep.MatchString(a) {
			steps = append(steps, a)
			continue
		}
		out = append(out, a)
	}
	if len(steps) == 0 {
		return out
	}
	return append(append(out, "--"), steps...)
}
