package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func upgradeCmd(g *globals, p func() *printer) *cobra.Command {
	var offline, allowDestructive bool
	var format string
	cmd := &cobra.Command{
		Use:   "upgrade [TARGET] [--format text|json]",
		Short: "Apply revisions up to TARGET (default head)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "head"
			if len(args) == 1 {
				target = args[0]
			}
			return migrate(cmd, g, p(), target, offline, false, allowDestructive, format)
		},
	}
	formatFlag(cmd, &format)
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it; TARGET may be FROM:TARGET")
	cmd.Flags().BoolVar(&allowDestructive, "allow-destructive", false, "run pending revisions that drop tables or columns without the \"-- retort:allow destructive\" header")
	return cmd
}

func downgradeCmd(g *globals, p func() *printer) *cobra.Command {
	var offline bool
	var format string
	cmd := &cobra.Command{
		Use:   "downgrade TARGET [--format text|json]",
		Short: "Revert revisions down to TARGET",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return migrate(cmd, g, p(), args[0], offline, true, false, format)
		},
	}
	formatFlag(cmd, &format)
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it; TARGET may be FROM:TARGET")
	return cmd
}

func migrate(cmd *cobra.Command, g *globals, p *printer, target string, offline, down, allowDestructive bool, format string) error {
	dir := map[bool]retort.Direction{false: retort.Up, true: retort.Down}[down]
	asJSON, err := wantJSON(format)
	if err != nil {
		return err
	}
	if asJSON && offline {
		return fmt.Errorf("%w: --format json does not apply to --sql, which prints SQL", errUsage)
	}
	// A step the wrong way is refused before anything is opened.
	if err := retort.CheckTarget(target[strings.LastIndex(target, ":")+1:], dir); err != nil {
		return err
	}
	s, err := openSession(g, p)
	if err != nil {
		return err
	}
	s.allowDestructive = allowDestructive
	if offline {
		return s.offline(cmd, g, target, dir)
	}
	if strings.Contains(target, ":") {
		return fmt.Errorf("%w: FROM:TARGET only makes sense with --sql", errUsage)
	}
	m, err := s.migrator(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer m.Close()
	var done []retort.Result
	if down {
		done, err = m.Downgrade(cmd.Context(), target)
	} else {
		done, err = m.Upgrade(cmd.Context(), target)
	}
	if asJSON {
		if jerr := p.migrateJSON(cmd, m, dir, target, done, err); jerr != nil {
			return errors.Join(err, jerr)
		}
	}
	if err != nil {
		if len(done) > 0 {
			// What did commit is reported too, re-read after the failure.
			p.info("%s %d revision(s) before the failure: %s", map[bool]string{false: "applied", true: "reverted"}[down], len(done), resultIDs(done))
		}
		return err
	}
	if len(done) == 0 {
		p.info("nothing to do: the database is already at %s", target)
		return nil
	}
	current, err := m.Current(cmd.Context())
	if err != nil {
		return err
	}
	p.info("%s %d revision(s); now at %s", map[bool]string{false: "applied", true: "reverted"}[down], len(done), describeHeads(current))
	return nil
}

// offline prints the SQL for [FROM:]TARGET. With FROM no database is
// touched; without it the database's current revision is the start.
func (s *session) offline(cmd *cobra.Command, g *globals, spec string, dir retort.Direction) error {
	if _, _, err := s.databaseURL(g); err != nil {
		return err
	}
	fromSpec, target, hasFrom := strings.Cut(spec, ":")
	if !hasFrom {
		target = spec
	}
	var (
		m    *retort.Migrator
		from []string
		err  error
	)
	if hasFrom {
		if from, err = s.revs.Lookup(fromSpec); err != nil {
			return err
		}
		if m, err = s.revs.New(nil, retort.Options{}); err != nil {
			return err
		}
	} else {
		if m, err = s.migrator(cmd.Context(), g); err != nil {
			return err
		}
		defer m.Close()
		if from, err = m.Current(cmd.Context()); err != nil {
			return err
		}
	}
	return m.OfflineSQL(s.p.out, from, target, dir)
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

func resultIDs(done []retort.Result) string {
	ids := make([]string, len(done))
	for i, r := range done {
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

// migrateJSON prints a migration's results as JSON, also after a failure
// runErr, which still decides the exit code and is printed on stderr.
func (p *printer) migrateJSON(cmd *cobra.Command, m *retort.Migrator, dir retort.Direction, target string, done []retort.Result, runErr error) error {
	doc := retort.NewJSONMigrate(dir, target, done)
	if runErr != nil {
		doc.Error = retort.Redact(runErr.Error(), p.secrets...)
	} else {
		current, err := m.Current(cmd.Context())
		if err != nil {
			return err
		}
		doc.Current = append([]string{}, current...)
	}
	return p.json(doc)
}
