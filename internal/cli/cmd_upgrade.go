package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/runner"
)

func upgradeCmd(g *globals, p func() *printer) *cobra.Command {
	var offline bool
	cmd := &cobra.Command{
		Use:   "upgrade [TARGET]",
		Short: "Apply revisions up to TARGET (default head)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "head"
			if len(args) == 1 {
				target = args[0]
			}
			return migrate(cmd, g, p(), target, offline, false)
		},
	}
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it; TARGET may be FROM:TARGET")
	return cmd
}

func downgradeCmd(g *globals, p func() *printer) *cobra.Command {
	var offline bool
	cmd := &cobra.Command{
		Use:   "downgrade TARGET",
		Short: "Revert revisions down to TARGET",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return migrate(cmd, g, p(), args[0], offline, true)
		},
	}
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it; TARGET may be FROM:TARGET")
	return cmd
}

func migrate(cmd *cobra.Command, g *globals, p *printer, target string, offline, down bool) error {
	// A step the wrong way is refused before anything is opened.
	if err := revision.CheckDirection(target[strings.LastIndex(target, ":")+1:], down); err != nil {
		return err
	}
	s, err := openSession(g, p)
	if err != nil {
		return err
	}
	if offline {
		return s.offline(cmd, g, target, down)
	}
	if strings.Contains(target, ":") {
		return fmt.Errorf("%w: FROM:TARGET only makes sense with --sql", errUsage)
	}
	m, err := s.migrator(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer m.Close()
	var applied []*revision.Revision
	if down {
		applied, err = m.Runner().Downgrade(cmd.Context(), target)
	} else {
		applied, err = m.Runner().Upgrade(cmd.Context(), target)
	}
	if err != nil {
		if len(applied) > 0 {
			// What did commit is reported too, re-read after the failure.
			p.info("%s %d revision(s) before the failure: %s", map[bool]string{false: "applied", true: "reverted"}[down], len(applied), revisionIDs(applied))
		}
		return err
	}
	if len(applied) == 0 {
		p.info("nothing to do: the database is already at %s", target)
		return nil
	}
	current, err := m.Current(cmd.Context())
	if err != nil {
		return err
	}
	p.info("%s %d revision(s); now at %s", map[bool]string{false: "applied", true: "reverted"}[down], len(applied), describeHeads(current))
	return nil
}

// offline prints the SQL for [FROM:]TARGET. With FROM no database is
// touched; without it the database's current revision is the start.
func (s *session) offline(cmd *cobra.Command, g *globals, spec string, down bool) error {
	_, d, err := s.databaseURL(g)
	if err != nil {
		return err
	}
	fromSpec, target, hasFrom := strings.Cut(spec, ":")
	if !hasFrom {
		target = spec
	}
	var from []string
	if hasFrom {
		if from, err = s.graph.Resolve(fromSpec, nil); err != nil {
			return err
		}
	} else {
		m, err := s.migrator(cmd.Context(), g)
		if err != nil {
			return err
		}
		from, err = m.Current(cmd.Context())
		m.Close()
		if err != nil {
			return err
		}
	}
	out, err := runner.OfflineSQL(d, s.graph, from, target, down)
	if err != nil {
		return err
	}
	fmt.Fprint(s.p.out, out)
	return nil
}

func stampCmd(g *globals, p func() *printer) *cobra.Command {
	return &cobra.Command{
		Use:   "stamp TARGET",
		Short: "Record TARGET as applied without running anything",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				if err := m.Stamp(cmd.Context(), args[0]); err != nil {
					return err
				}
				current, err := m.Current(cmd.Context())
				if err != nil {
					return err
				}
				s.p.info("stamped; now at %s", describeHeads(current))
				return nil
			})
		},
	}
}

func revisionIDs(revs []*revision.Revision) string {
	ids := make([]string, len(revs))
	for i, r := range revs {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

func describeHeads(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}
