package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/userfile"
	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/revision"
)

// allowDestructive is the line a revision file carries to allow drops.
const allowDestructive = "-- retort:allow destructive"

func lintCmd(g *globals, p func() *printer) *cobra.Command {
	var bigTable int64
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Find hazards in pending revisions: unindexed FKs, destructive changes, locking, cascading rebuilds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				ctx := cmd.Context()
				pending, err := m.Runner().Pending(ctx)
				if err != nil {
					return err
				}
				live, err := m.Inspect(ctx)
				if err != nil {
					return err
				}
				// The schema the revisions lead to: every revision from base to
				// the heads, loaded into a scratch database like schema files.
				var chain []dialect.SourceFile
				all, err := s.graph.UpgradePlan(nil, "heads")
				if err != nil {
					return err
				}
				for _, r := range all {
					var b strings.Builder
					for _, st := range r.Upgrade {
						b.WriteString(st.SQL)
						b.WriteString(";\n")
					}
					chain = append(chain, dialect.SourceFile{Name: r.File, SQL: b.String()})
				}
				after, err := m.Desired(ctx, chain, s.cfg.DevURL)
				if err != nil {
					return fmt.Errorf("applying the revisions to a scratch database failed: %w", err)
				}
				in := lint.Input{
					Capabilities: m.Dialect().Capabilities(),
					Live:         live,
					After:        after,
					RowEstimate:  m.RowEstimate(ctx),
					BigTable:     bigTable,
				}
				for _, r := range pending {
					text, err := userfile.ReadFS(os.DirFS(s.dir), r.File, "revision file "+filepath.Join(s.dir, r.File),
						userfile.Limit{Max: int64(s.cfg.MaxFileSize), Setting: s.cfg.LimitSetting()})
					if err != nil {
						return &revision.Error{Err: err}
					}
					in.Pending = append(in.Pending, lint.Revision{
						ID: r.ID, File: r.File, Upgrade: r.Upgrade,
						AllowDestructive: strings.Contains(string(text), allowDestructive),
					})
				}
				findings := lint.Run(in)
				for _, f := range findings {
					line := f.String()
					if f.Severity == lint.Error {
						line = s.p.paint(red, line)
					} else {
						line = s.p.paint(yellow, line)
					}
					s.p.result("%s", line)
				}
				if lint.HasErrors(findings) {
					return answerNo{msg: fmt.Sprintf("lint: %d finding(s), errors present", len(findings))}
				}
				if len(findings) == 0 {
					s.p.info("lint: %d pending revision(s), no findings", len(pending))
				}
				return nil
			})
		},
	}
	cmd.Flags().Int64Var(&bigTable, "big-table", 100_000, "row count from which a locking hazard is an error")
	return cmd
}
