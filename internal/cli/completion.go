package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
)

// Shell completion: `retort completion bash|zsh|fish|powershell` is
// cobra's; the functions here suggest revision ids for TARGET and REV
// arguments, read from the revision files (no database), and the values
// of flags that take a fixed set.

// dialectNames are what `init --dialect` accepts (dialect aliases included).
var dialectNames = []string{"sqlite", "postgres", "mysql", "postgresql", "pg", "mariadb", "sqlite3"}

// flagValues are the fixed values of flags, by command and flag name.
var flagValues = map[string]map[string][]string{
	"init":      {"dialect": dialectNames},
	"revision":  {"format": {"sql", "go"}},
	"inspect":   {"format": {"sql", "json"}},
	"check":     {"format": {"text", "json"}},
	"lint":      {"format": {"text", "json"}},
	"current":   {"format": {"text", "json"}},
	"history":   {"format": {"text", "json"}},
	"heads":     {"format": {"text", "json"}},
	"diff":      {"format": {"text", "json"}},
	"upgrade":   {"format": {"text", "json"}},
	"downgrade": {"format": {"text", "json"}},
	"graph":     {"format": {"mermaid", "dot", "svg"}},
}

// targetArgs are the commands whose arguments are targets, with how many
// they take (-1: any number) and whether the symbolic targets (head,
// heads, base) make sense there.
var targetArgs = map[string]struct {
	max      int
	symbolic bool
}{
	"upgrade":   {1, true},
	"downgrade": {1, true},
	"stamp":     {1, true},
	"merge":     {-1, true},
	"resolve":   {1, false},
}

// revisionFlags are flags that take a revision.
var revisionFlags = map[string][]string{"revision": {"head", "depends-on"}}

func registerCompletions(g *globals, root *cobra.Command) {
	for _, c := range root.Commands() {
		name := c.Name()
		if t, ok := targetArgs[name]; ok {
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if t.max >= 0 && len(args) >= t.max {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return targetCandidates(g, toComplete, t.symbolic), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
			}
		}
		for flag, values := range flagValues[name] {
			if c.Flags().Lookup(flag) != nil {
				_ = c.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
			}
		}
		for _, flag := range revisionFlags[name] {
			if c.Flags().Lookup(flag) != nil {
				_ = c.RegisterFlagCompletionFunc(flag, func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
					return targetCandidates(g, toComplete, true), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
				})
			}
		}
	}
}

// targetCandidates are the targets starting with toComplete: the symbolic
// ones, then revision ids newest first, each described by its message.
// After "FROM:" (upgrade --sql) the part after the colon is completed.
func targetCandidates(g *globals, toComplete string, symbolic bool) []string {
	from := ""
	if i := strings.LastIndex(toComplete, ":"); i >= 0 {
		from, toComplete = toComplete[:i+1], toComplete[i+1:]
	}
	var all []string
	if symbolic {
		all = append(all, "head\tthe single head", "heads\tevery head", "base\tbefore the first revision")
	}
	for _, r := range revisionsForCompletion(g) {
		all = append(all, r.ID+"\t"+r.Message)
	}
	var out []string
	for _, c := range all {
		if strings.HasPrefix(c, toComplete) {
			out = append(out, from+c)
		}
	}
	return out
}

// revisionsForCompletion reads the revision files the command would use
// (--config, --dir), quietly: completion must never print an error.
func revisionsForCompletion(g *globals) []retort.Revision {
	dir := g.dir
	if dir == "" {
		cfg, err := config.Load(g.configPath)
		if err != nil {
			return nil
		}
		dir = cfg.Dir
	}
	revs, err := loadRevisions(dir, retort.Options{})
	if err != nil {
		return nil
	}
	return revs.History()
}
