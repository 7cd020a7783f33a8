package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func checkCmd(g *globals, p func() *printer) *cobra.Command {
	return formatCmd("check", "Exit 0 when the database is at head and matches the desired schema", func(cmd *cobra.Command, asJSON bool) error {
		return withDesired(cmd, g, p(), func(s *session, m *retort.Migrator, desired retort.Desired) error {
			rep, err := m.Check(cmd.Context(), desired)
			if err != nil {
				return err
			}
			if asJSON {
				if err := s.p.json(retort.NewJSONCheck(rep)); err != nil {
					return err
				}
			}
			var problems []string
			if !rep.AtHead {
				problems = append(problems, fmt.Sprintf("database is at %s, head is %s", describeHeads(rep.Current), describeHeads(rep.Heads)))
				for _, r := range rep.Pending {
					problems = append(problems, fmt.Sprintf("  pending %s  %s", r.ID, r.Message))
				}
			}
			for _, u := range rep.Unfinished {
				problems = append(problems, u.String())
			}
			for _, r := range rep.Edited {
				problems = append(problems, fmt.Sprintf("revision %s (%s) was edited after it was applied", r.ID, r.File))
			}
			if len(rep.Changes) > 0 {
				problems = append(problems, "database differs from the desired schema:")
				problems = append(problems, indent(retort.Describe(rep.Changes)))
			}
			for _, u := range rep.Unmanaged {
				problems = append(problems, "unmanaged: "+u.String())
			}
			if len(problems) == 0 && asJSON {
				s.p.info("%s database is at head (%s) and matches the desired schema", s.p.paint(green, "ok:"), describeHeads(rep.Current))
				return nil
			}
			if len(problems) == 0 {
				s.p.result("%s database is at head (%s) and matches the desired schema", s.p.paint(green, "ok:"), describeHeads(rep.Current))
				return nil
			}
			return answerNo{msg: s.p.paintErr(red, "check failed: ") + strings.Join(problems, "\n")}
		})
	})
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

func diffCmd(g *globals, p func() *printer) *cobra.Command {
	var (
		format    string
		renames   []string
		noRename  bool
		ignoreUnm bool
		bigTable  int64
	)
	cmd := &cobra.Command{
		Use:   "diff [--format text|json]",
		Short: "Print the SQL that would take the database to the desired schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			asJSON, err := wantJSON(format)
			if err != nil {
				return err
			}
			opts, err := renameOptions(renames, noRename)
			if err != nil {
				return err
			}
			opts.Decide = nil // diff shows; it asks nothing
			opts.IgnoreUnmanaged = ignoreUnm
			opts.BigTable = bigTable
			return withDesired(cmd, g, p(), func(s *session, m *retort.Migrator, desired retort.Desired) error {
				stmts, err := m.DiffSQL(cmd.Context(), desired, opts)
				var undecided *retort.UndecidedRenamesError
				if errors.As(err, &undecided) {
					return answerNo{msg: undecidedMessage(undecided, "diff")}
				}
				var unmanaged *retort.UnmanagedError
				if err != nil && !errors.As(err, &unmanaged) {
					return err
				}
				if asJSON {
					doc := retort.NewJSONDiff(stmts)
					if unmanaged != nil {
						doc.Unmanaged = unmanagedStrings(unmanaged)
					}
					if err := s.p.json(doc); err != nil {
						return err
					}
				} else if len(stmts) > 0 {
					fmt.Fprint(s.p.out, joinStatements(stmts))
				}
				if unmanaged != nil {
					return answerNo{msg: diffUnmanagedMessage(unmanaged)}
				}
				if len(stmts) == 0 && !asJSON {
					s.p.info("no changes detected")
				}
				return nil
			})
		},
	}
	formatFlag(cmd, &format)
	cmd.Flags().StringArrayVar(&renames, "rename", nil, "TABLE.OLD=NEW renames a column, OLD_TABLE=NEW_TABLE a table (repeatable), as for revision --autogenerate")
	cmd.Flags().BoolVar(&noRename, "no-rename", false, "every likely rename not decided otherwise is a drop and add")
	cmd.Flags().BoolVar(&ignoreUnm, "ignore-unmanaged", false, "exit 0 although objects retort does not manage differ (they are not in the SQL)")
	cmd.Flags().Int64Var(&bigTable, "big-table", 100_000, bigTableUsage)
	return cmd
}

func inspectCmd(g *globals, p func() *printer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "inspect [--format sql|json]",
		Short: "Print the reflected schema of the database",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "sql" && format != "json" {
				return fmt.Errorf("%w: --format must be sql or json, not %q", errUsage, format)
			}
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				live, err := m.Inspect(cmd.Context())
				if err != nil {
					return err
				}
				if format == "json" {
					return s.p.json(retort.NewJSONSchema(live))
				}
				stmts, err := m.CreateSQL(live)
				if err != nil {
					return err
				}
				fmt.Fprint(s.p.out, joinStatements(stmts))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "sql", "sql or json")
	return cmd
}
