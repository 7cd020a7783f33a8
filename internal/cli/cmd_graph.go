package cli

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func graphCmd(g *globals, p func() *printer) *cobra.Command {
	var (
		format      string
		cascadeFrom string
		desired     bool
	)
	cmd := &cobra.Command{
		Use:   "graph [--format mermaid|dot|svg] [--cascade-from TABLE] [--desired]",
		Short: "Draw tables and foreign keys with their ON DELETE / ON UPDATE actions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "mermaid" && format != "dot" && format != "svg" {
				return fmt.Errorf("%w: --format must be mermaid, dot or svg, not %q", errUsage, format)
			}
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				var (
					sch *retort.Schema
					err error
				)
				if desired {
					var d retort.Desired
					if d, err = s.desired(); err != nil {
						return err
					}
					sch, err = m.DesiredSchema(cmd.Context(), d)
					if err != nil {
						return err
					}
				} else if sch, err = m.Inspect(cmd.Context()); err != nil {
					return err
				}
				if cascadeFrom != "" {
					return printCascade(s.p, sch, cascadeFrom)
				}
				switch format {
				case "mermaid", "dot":
					out, err := retort.FKGraph(sch, format)
					if err != nil {
						return err
					}
					fmt.Fprint(s.p.out, out)
				case "svg":
					dot, err := exec.LookPath("dot")
					if err != nil {
						return fmt.Errorf("%w: --format svg needs Graphviz's dot on PATH; use --format dot and render it elsewhere", errUsage)
					}
					src, err := retort.FKGraph(sch, "dot")
					if err != nil {
						return err
					}
					run := exec.CommandContext(cmd.Context(), dot, "-Tsvg")
					run.Stdin = strings.NewReader(src)
					var stderr bytes.Buffer
					run.Stdout, run.Stderr = s.p.out, &stderr
					if err := run.Run(); err != nil {
						return fmt.Errorf("dot -Tsvg failed: %w: %s", err, strings.TrimSpace(stderr.String()))
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "mermaid", "mermaid, dot or svg (svg needs Graphviz)")
	cmd.Flags().StringVar(&cascadeFrom, "cascade-from", "", "list every table a DELETE on TABLE removes, nulls or is refused by, transitively")
	cmd.Flags().BoolVar(&desired, "desired", false, "draw the desired schema (schema files) instead of the database")
	return cmd
}

func printCascade(p *printer, sch *retort.Schema, table string) error {
	effects, found := retort.CascadeFrom(sch, table)
	if !found {
		return fmt.Errorf("%w: table %q not found", errUsage, table)
	}
	if len(effects) == 0 {
		p.result("DELETE FROM %s reaches no other table", table)
		return nil
	}
	p.result("DELETE FROM %s:", table)
	for _, e := range effects {
		verb := "refuses the delete while rows reference it"
		switch e.Action {
		case retort.Cascade:
			verb = p.paint(red, "rows deleted")
		case retort.SetNull:
			verb = p.paint(yellow, "column(s) set to NULL")
		case retort.SetDefault:
			verb = p.paint(yellow, "column(s) set to DEFAULT")
		}
		p.result("%s%s: %s (via %s → %s.%s)", strings.Repeat("  ", e.Depth), e.Table, verb,
			strings.Join(e.Via.FK.Columns, ", "), e.Via.Parent, strings.Join(e.Via.FK.RefColumns, ", "))
	}
	return nil
}
