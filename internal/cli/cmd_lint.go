package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
)

func lintCmd(g *globals, p func() *printer) *cobra.Command {
	var bigTable int64
	cmd := formatCmd("lint", "Find hazards in pending revisions: unindexed FKs, destructive changes, locking, cascading rebuilds", func(cmd *cobra.Command, asJSON bool) error {
		return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
			opts := retort.LintOptions{BigTable: bigTable}
			// The models' intent (orm-intent) needs the desired schema;
			// lint works without one.
			if len(s.cfg.Schema) > 0 {
				var err error
				var missing *config.MissingSchemaError
				opts.Desired, err = s.desired()
				switch {
				case errors.As(err, &missing):
					// Revisions written by hand need no schema file.
					s.p.info("lint: schema file %s not found, so the orm-intent rule is skipped", missing.Pattern)
				case err != nil:
					return err
				}
			}
			rep, err := m.Lint(cmd.Context(), opts)
			if err != nil {
				return err
			}
			if asJSON {
				if err := s.p.json(retort.NewJSONLint(rep)); err != nil {
					return err
				}
			}
			for _, f := range rep.Findings {
				line := f.String()
				if f.Severity == retort.LintError {
					line = s.p.paint(red, line)
				} else {
					line = s.p.paint(yellow, line)
				}
				if asJSON {
					s.p.info("%s", line)
				} else {
					s.p.result("%s", line)
				}
			}
			if rep.HasErrors() {
				return answerNo{msg: fmt.Sprintf("lint: %d finding(s), errors present", len(rep.Findings))}
			}
			if len(rep.Findings) == 0 {
				s.p.info("lint: %d pending revision(s), no findings", rep.Pending)
			}
			return nil
		})
	})
	cmd.Flags().Int64Var(&bigTable, "big-table", 100_000, "row count from which a locking hazard is an error")
	return cmd
}
