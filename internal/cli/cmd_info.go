package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/revision"
)

func currentCmd(g *globals, p func() *printer) *cobra.Command {
	return &cobra.Command{
		Use:   "current",
		Short: "Print the revision(s) the database is at",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
				current, err := m.Current(cmd.Context())
				if err != nil {
					return err
				}
				unfinished, err := m.Runner().Unfinished(cmd.Context())
				if err != nil {
					return err
				}
				for _, u := range unfinished {
					s.p.info("%s", s.p.paint(red, u.String()))
				}
				if len(current) == 0 {
					s.p.info("(base: no revision applied)")
					return nil
				}
				heads := toSet(s.graph.Heads())
				for _, id := range current {
					line := id
					if heads[id] {
						line += " " + s.p.paint(green, "(head)")
					}
					if r := s.graph.Get(id); r != nil {
						line += "  " + r.Message
					} else {
						line += "  " + s.p.paint(red, "(not in "+s.dir+")")
					}
					s.p.result("%s", line)
				}
				return nil
			})
		},
	}
}

func headsCmd(g *globals, p func() *printer) *cobra.Command {
	return &cobra.Command{
		Use:   "heads",
		Short: "List head revisions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := openSession(g, p())
			if err != nil {
				return err
			}
			for _, id := range s.graph.Heads() {
				s.p.result("%s (head)  %s", id, s.graph.Get(id).Message)
			}
			return nil
		},
	}
}

func historyCmd(g *globals, p func() *printer) *cobra.Command {
	var offline bool
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := openSession(g, p())
			if err != nil {
				return err
			}
			current := map[string]bool{}
			if !offline {
				if _, _, err := s.databaseURL(g); err == nil {
					m, err := s.migrator(cmd.Context(), g)
					if err != nil {
						return err
					}
					ids, err := m.Current(cmd.Context())
					m.Close()
					if err != nil {
						return err
					}
					current = toSet(ids)
				}
			}
			all := s.graph.All()
			heads := toSet(s.graph.Heads())
			for i := len(all) - 1; i >= 0; i-- {
				s.p.result("%s", s.historyLine(all[i], heads, current))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&offline, "offline", false, "do not connect to mark the current revision")
	return cmd
}

func (s *session) historyLine(r *revision.Revision, heads, current map[string]bool) string {
	from := "<base>"
	if len(r.Parents) > 0 {
		from = strings.Join(r.Parents, ", ")
	}
	var marks []string
	if heads[r.ID] {
		marks = append(marks, s.p.paint(green, "(head)"))
	}
	if s.graph.IsMerge(r.ID) {
		marks = append(marks, s.p.paint(yellow, "(merge)"))
	}
	if s.graph.IsBranchPoint(r.ID) {
		marks = append(marks, s.p.paint(yellow, "(branchpoint)"))
	}
	if current[r.ID] {
		marks = append(marks, s.p.paint(bold, "(current)"))
	}
	line := fmt.Sprintf("%s -> %s", from, r.ID)
	if len(marks) > 0 {
		line += " " + strings.Join(marks, " ")
	}
	line += ", " + r.Message
	if s.p.verbose {
		line += fmt.Sprintf("  [%s, %s]", r.File, r.Created.Format(time.RFC3339))
	}
	return line
}

func mergeCmd(g *globals, p func() *printer) *cobra.Command {
	var message string
	cmd := &cobra.Command{
		Use:   "merge -m MSG REV...",
		Short: "Write a merge revision whose parents are the given heads",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(message) == "" {
				return fmt.Errorf("%w: merge needs a message: -m \"merge branches\"", errUsage)
			}
			s, err := openSession(g, p())
			if err != nil {
				return err
			}
			var parents []string
			seen := map[string]bool{}
			for _, a := range args {
				ids, err := s.graph.Resolve(a, nil)
				if err != nil {
					return err
				}
				for _, id := range ids {
					if !seen[id] {
						seen[id] = true
						parents = append(parents, id)
					}
				}
			}
			if len(parents) < 2 {
				return fmt.Errorf("%w: merge needs at least two distinct revisions, got %s", errUsage, strings.Join(parents, ", "))
			}
			r := &revision.Revision{
				ID:      revision.NewID(),
				Parents: parents,
				Message: message,
				Created: time.Now().UTC().Truncate(time.Second),
			}
			return s.writeRevision(r, "", "")
		},
	}
	cmd.Flags().StringVarP(&message, "message", "m", "", "what the merge does")
	return cmd
}

func toSet(ids []string) map[string]bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}
