package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// help is what a command's --help teaches beyond its one-line Short:
// what it does, examples, and the shared sections (TARGET syntax, exit
// codes, the config keys and environment variables it reads), written
// once here and appended by teach.
type help struct {
	long     string   // what the command does, in a few lines
	examples []string // "retort upgrade +1   # comment" lines
	target   bool     // takes a TARGET (or REV) argument
	exit1    string   // what exit 1 means for this command; "" when it never exits 1
	keys     []string // retort.toml keys read
	env      []string // environment variables read, besides the common ones
}

const targetSection = `TARGET:
  head          the single head (an error naming them when there are several)
  heads         every head
  base          before the first revision ("downgrade base" reverts everything)
  ID, PREFIX    a revision id, or a unique prefix of one (at least 4 characters)
  +N, -N        N steps up or down from the database's current revision
  ID+N, ID-N    N steps from a named revision
  FROM:TARGET   with --sql only: the SQL from FROM to TARGET, without connecting`

// Keys every command that opens the project reads, and the variables
// every command reads.
var (
	projectKeys = []string{"dir", "max_file_size"}
	commonEnv   = []string{"NO_COLOR"}
)

// envHelp explains the environment variables by name.
var envHelp = map[string]string{
	"RETORT_URL":      "the database URL (after --url, before DATABASE_URL and url)",
	"DATABASE_URL":    "the database URL (after RETORT_URL, before url)",
	"RETORT_NO_CACHE": "1: load the desired schema afresh (like --no-cache)",
	"XDG_CACHE_HOME":  "where the desired-schema cache lives (default ~/.cache/retort)",
	"NO_COLOR":        "any value: no ANSI colour (colour is only used on a terminal)",
}

// teach fills cmd's Long and Example from h.
func teach(cmd *cobra.Command, h help) {
	var b strings.Builder
	switch {
	case cmd.Long != "": // written next to the command already
		b.WriteString(strings.TrimSpace(cmd.Long))
	case h.long != "":
		b.WriteString(cmd.Short + ".\n\n" + strings.TrimSpace(h.long))
	default:
		b.WriteString(cmd.Short + ".")
	}
	if h.target {
		b.WriteString("\n\n" + targetSection)
	}
	b.WriteString("\n\nExit codes:\n  0    done\n")
	if h.exit1 != "" {
		b.WriteString("  1    " + h.exit1 + "\n")
	}
	b.WriteString("  2    usage or configuration error: bad flag, URL, config, revision file, unknown revision\n")
	b.WriteString("  3    the database refused something or a migration failed (nothing half-done is recorded)\n")
	b.WriteString("  130  interrupted (SIGINT; 143 for SIGTERM): the running statement is cancelled and rolled back")
	if len(h.keys) > 0 {
		b.WriteString("\n\nConfig keys read (retort.toml, or --config FILE; values may use ${VAR} and ${VAR:-default}):\n  ")
		b.WriteString(strings.Join(h.keys, ", "))
	}
	b.WriteString("\n\nEnvironment:")
	for _, name := range slices.Concat(h.env, commonEnv) {
		fmt.Fprintf(&b, "\n  %-16s %s", name, envHelp[name])
	}
	cmd.Long = b.String()
	var ex []string
	for _, e := range h.examples {
		ex = append(ex, "  "+e)
	}
	cmd.Example = strings.Join(ex, "\n")
}
