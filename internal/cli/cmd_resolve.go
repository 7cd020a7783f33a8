package cli

import (
	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func resolveCmd(g *globals, p func() *printer) *cobra.Command {
	var res retort.Resolution
	cmd := &cobra.Command{
		Use:   "resolve REVISION (--skip-statement N | --retry | --forget)",
		Short: "Decide about a revision's unfinished run after checking the database by hand",
		Long: `After a run that stopped part way through a revision whose statements commit
one by one (MySQL/MariaDB DDL, PostgreSQL CREATE INDEX CONCURRENTLY), retort
resumes by itself when it can prove from the catalog what took effect. When it
cannot, or when statements that already ran were edited, it stops and asks you
to decide. Check the database, then:

  retort resolve REV --skip-statement N   statement N took effect (or you ran it
                                          by hand): resume after it
  retort resolve REV --retry              the statement did not take effect:
                                          resume at it, with the file as it is now
  retort resolve REV --forget             you undid everything the run did:
                                          start the revision from scratch

Each adopts the revision file as it is now; run retort upgrade (or downgrade)
afterwards.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				if err := m.Resolve(cmd.Context(), args[0], res); err != nil {
					return err
				}
				s.p.info("resolved the unfinished run of %s; run retort upgrade to go on", args[0])
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&res.SkipStatement, "skip-statement", 0, "mark statement N (the next one of the unfinished run) as done")
	cmd.Flags().BoolVar(&res.Retry, "retry", false, "run the statement in flight again")
	cmd.Flags().BoolVar(&res.Forget, "forget", false, "delete the unfinished run (you undid it by hand)")
	return cmd
}
