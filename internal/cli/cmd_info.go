package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func currentCmd(g *globals, p func() *printer) *cobra.Command {
	return formatCmd("current", "Print the revision(s) the database is at", func(cmd *cobra.Command, asJSON bool) error {
		return withDatabase(cmd, g, p(), func(s *session, m *retort.Migrator) error {
			current, err := m.Current(cmd.Context())
			if err != nil {
				return err
			}
			unfinished, err := m.Unfinished(cmd.Context())
			if err != nil {
				return err
			}
			for _, u := range unfinished {
				s.p.info("%s", s.p.paintErr(red, u.String()))
			}
			if asJSON {
				return s.p.json(s.revs.NewJSONCurrent(current, unfinished))
			}
			if len(current) == 0 {
				s.p.info("(base: no revision applied)")
				return nil
			}
			for _, id := range current {
				line := id
				r, ok := s.revs.Get(id)
				if r.Head {
					line += " " + s.p.paint(green, "(head)")
				}
				if ok {
					line += "  " + r.Message
				} else {
					line += "  " + s.p.paint(red, "(not in "+s.dir+")")
				}
				s.p.result("%s", line)
			}
			return nil
		})
	})
}

func headsCmd(g *globals, p func() *printer) *cobra.Command {
	return formatCmd("heads", "List head revisions", func(cmd *cobra.Command, asJSON bool) error {
		s, err := openSession(g, p())
		if err != nil {
			return err
		}
		if asJSON {
			return s.p.json(s.revs.NewJSONHeads())
		}
		for _, r := range s.revs.Heads() {
			s.p.result("%s (head)  %s", r.ID, r.Message)
		}
		return nil
	})
}

func historyCmd(g *globals, p func() *printer) *cobra.Command {
	var offline bool
	cmd := formatCmd("history", "List revisions, newest first", func(cmd *cobra.Command, asJSON bool) error {
		s, err := openSession(g, p())
		if err != nil {
			return err
		}
		current := map[string]bool{}
		var currentIDs []string // nil: the database was not asked
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
				currentIDs = append([]string{}, ids...)
			}
		}
		if asJSON {
			return s.p.json(s.revs.NewJSONHistory(currentIDs))
		}
		for _, r := range s.revs.History() {
			s.p.result("%s", s.historyLine(r, current))
		}
		return nil
	})
	cmd.Flags().BoolVar(&offline, "offline", false, "do not connect to mark the current revision")
	return cmd
}

func (s *session) historyLine(r retort.Revision, current map[string]bool) string {
	from := "<base>"
	if len(r.Parents) > 0 {
		from = strings.Join(r.Parents, ", ")
	}
	var marks []string
	if r.Head {
		marks = append(marks, s.p.paint(green, "(head)"))
	}
	if r.Merge {
		marks = append(marks, s.p.paint(yellow, "(merge)"))
	}
	if r.BranchPoint {
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
				ids, err := s.revs.Lookup(a)
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
			return s.writeRevision(retort.NewRevision{Parents: parents, Message: message})
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
