package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
)

func checkCmd(g *globals, p func() *printer) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Exit 0 when the database is at head and matches the desired schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDesired(cmd, g, p(), func(s *session, m *retort.Migrator, files []dialect.SourceFile) error {
				rep, err := m.Check(cmd.Context(), files, s.cfg.DevURL)
				if err != nil {
					return err
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
					problems = append(problems, indent(diff.Describe(rep.Changes)))
				}
				for _, u := range rep.Unmanaged {
					problems = append(problems, "unmanaged: "+u.String())
				}
				if len(problems) == 0 {
					s.p.result("%s database is at head (%s) and matches the desired schema", s.p.paint(green, "ok:"), describeHeads(rep.Current))
					return nil
				}
				return answerNo{msg: s.p.paint(red, "check failed: ") + strings.Join(problems, "\n")}
			})
		},
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

func diffCmd(g *globals, p func() *printer) *cobra.Command {
	return &cobra.Command{
		Use:   "diff",
		Short: "Print the SQL that would take the database to the desired schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDesired(cmd, g, p(), func(s *session, m *retort.Migrator, files []dialect.SourceFile) error {
				stmts, err := m.DiffSQL(cmd.Context(), files, s.cfg.DevURL)
				if err != nil {
					return err
				}
				if len(stmts) == 0 {
					s.p.info("no changes detected")
					return nil
				}
				fmt.Fprint(s.p.out, joinStatements(stmts))
				return nil
			})
		},
	}
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
					enc := json.NewEncoder(s.p.out)
					enc.SetIndent("", "  ")
					return enc.Encode(live)
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
