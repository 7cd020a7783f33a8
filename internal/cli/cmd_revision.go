package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/revision"
)

func revisionCmd(g *globals, p func() *printer) *cobra.Command {
	var (
		message   string
		autogen   bool
		head      string
		dependsOn []string
	)
	cmd := &cobra.Command{
		Use:   "revision -m MSG [--autogenerate]",
		Short: "Write a new revision file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(message) == "" {
				return fmt.Errorf("%w: revision needs a message: -m \"what changed\"", errUsage)
			}
			s, err := openSession(g, p())
			if err != nil {
				return err
			}
			parents, err := s.parentsFor(head)
			if err != nil {
				return err
			}
			var up, down string
			if autogen {
				files, err := s.cfg.SchemaFiles()
				if err != nil {
					return err
				}
				m, err := s.migrator(cmd.Context(), g)
				if err != nil {
					return err
				}
				defer m.Close()
				upStmts, downStmts, ops, err := m.Autogenerate(cmd.Context(), files, s.cfg.DevURL)
				if err != nil {
					return err
				}
				if len(ops) == 0 {
					s.p.result("no changes detected")
					return nil
				}
				for _, o := range ops {
					s.p.info("  detected %s", o)
				}
				up, down = joinStatements(upStmts), joinStatements(downStmts)
			}
			r := &revision.Revision{
				ID:        revision.NewID(),
				Parents:   parents,
				DependsOn: dependsOn,
				Message:   message,
				Created:   time.Now().UTC().Truncate(time.Second),
			}
			return s.writeRevision(r, up, down)
		},
	}
	cmd.Flags().StringVarP(&message, "message", "m", "", "what the revision does")
	cmd.Flags().BoolVar(&autogen, "autogenerate", false, "fill the revision with the diff from the database to the desired schema")
	cmd.Flags().StringVar(&head, "head", "", "parent revision when there are several heads")
	cmd.Flags().StringSliceVar(&dependsOn, "depends-on", nil, "revisions that must be applied first (not parents)")
	return cmd
}

// parentsFor returns the parents of a new revision: the single head, or
// the one --head names.
func (s *session) parentsFor(head string) ([]string, error) {
	if head != "" {
		ids, err := s.graph.Resolve(head, nil)
		if err != nil {
			return nil, err
		}
		return ids, nil
	}
	heads := s.graph.Heads()
	if len(heads) > 1 {
		return nil, fmt.Errorf("%w: there are %d heads (%s); merge them with `retort merge -m MSG heads` or pick one with --head", errUsage, len(heads), strings.Join(heads, ", "))
	}
	return heads, nil
}

func (s *session) writeRevision(r *revision.Revision, up, down string) error {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return fmt.Errorf("cannot create revision directory %s: %w", s.dir, err)
	}
	path := filepath.Join(s.dir, revision.FileName(r.ID, r.Message))
	if err := os.WriteFile(path, revision.Format(r, up, down), 0o644); err != nil {
		return fmt.Errorf("cannot write revision file %s: %w", path, err)
	}
	s.p.result("%s", path)
	return nil
}

// joinStatements lays out rendered statements as a revision section.
func joinStatements(stmts []string) string {
	var b strings.Builder
	for i, st := range stmts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.TrimRight(st, "; \n\t"))
		b.WriteString(";\n")
	}
	return b.String()
}
