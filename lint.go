package retort

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/hint"
	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
	"github.com/retortdb/retort/schema"
)

// LintFinding is one hazard Lint found, located at a file and line when
// it comes from a statement.
type LintFinding = lint.Finding

// The severities of a LintFinding.
const (
	LintError   = lint.Error
	LintWarning = lint.Warning
)

// LintOptions configure Lint.
type LintOptions struct {
	// BigTable is the row count from which a locking hazard is an error
	// rather than a warning; 0 means 100,000.
	BigTable int64
	// Desired, when set, is the desired schema whose ORM models the
	// orm-intent rule compares with the database: its sources' relation
	// hints (which the gorm, ent and bun loaders write) are read, and
	// only when there are some is the schema loaded. Plain SQL files
	// carry none, so they cost nothing.
	Desired Desired
}

// LintReport is what Lint found.
type LintReport struct {
	Pending  int // revisions not applied yet, which were linted
	Findings []LintFinding
}

// HasErrors reports whether any finding is an error.
func (r *LintReport) HasErrors() bool { return lint.HasErrors(r.Findings) }

// Lint finds hazards in the pending revisions before they run: foreign
// keys without an index, destructive statements the file does not allow,
// locking hazards, SQLite rebuilds that lose a column or cascade, and
// (with LintOptions.Desired) ORM models whose relations the database
// does not keep. The
// schema the revisions lead to is found by running them, on a copy of
// the live schema, in the scratch database (Options.DevURL). It lints SQL revision files; a Go
// revision is refused.
func (m *Migrator) Lint(ctx context.Context, opts LintOptions) (*LintReport, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	pending, err := m.runner.Pending(ctx)
	if err != nil {
		return nil, err
	}
	live, err := m.Inspect(ctx)
	if err != nil {
		return nil, err
	}
	after, err := m.revisionsSchema(ctx, live, pending)
	if err != nil {
		return nil, err
	}
	in := lint.Input{
		Capabilities: m.d.Capabilities(),
		Live:         live,
		After:        after,
		RowEstimate:  m.RowEstimate(ctx),
		BigTable:     opts.BigTable,
		NarrowsType:  m.d.NarrowsType,
	}
	if opts.Desired != nil {
		if in.Relations, in.Desired, err = m.modelIntent(ctx, opts.Desired); err != nil {
			return nil, err
		}
	}
	for _, r := range pending {
		up, err := sqlStatements(ctx, r)
		if err != nil {
			return nil, err
		}
		in.Pending = append(in.Pending, lint.Revision{
			ID: r.ID, File: r.File, Upgrade: up, Allow: r.Allow,
		})
	}
	return &LintReport{Pending: len(pending), Findings: lint.Run(in)}, nil
}

// modelIntent reads the relation hints of desired's sources and, when
// there are any, loads desired so their foreign keys read as the
// database spells them.
func (m *Migrator) modelIntent(ctx context.Context, desired Desired) ([]hint.Relation, *schema.Schema, error) {
	files, err := desired.DesiredSQL(ctx, m)
	if err != nil {
		return nil, nil, err
	}
	var rels []hint.Relation
	for _, f := range files {
		rs, err := hint.Relations(f.Name, f.SQL, m.d.SplitOptions())
		if err != nil {
			return nil, nil, fmt.Errorf("reading the relation hints of the desired schema failed: %w", err)
		}
		rels = append(rels, rs...)
	}
	if len(rels) == 0 {
		return nil, nil, nil
	}
	s, err := m.load(ctx, files)
	if err != nil {
		return nil, nil, err
	}
	return rels, s, nil
}

// revisionsSchema is the schema the pending revisions lead to: the live
// schema, then each pending revision, loaded into a scratch database like
// schema files. Starting from the live schema (not from base) lets the
// first revision alter tables that existed before retort.
func (m *Migrator) revisionsSchema(ctx context.Context, live *schema.Schema, pending []*revision.Revision) (*schema.Schema, error) {
	base, err := m.CreateSQL(live)
	if err != nil {
		return nil, fmt.Errorf("writing the live schema for the scratch database failed: %w", err)
	}
	chain := []SourceFile{{Name: "the live database's schema", SQL: joinStatements(base)}}
	for _, r := range pending {
		up, err := sqlStatements(ctx, r)
		if err != nil {
			return nil, err
		}
		stmts := make([]string, len(up))
		for i, st := range up {
			stmts[i] = st.SQL
		}
		chain = append(chain, SourceFile{Name: r.File, SQL: joinStatements(stmts)})
	}
	after, err := m.load(ctx, chain)
	if err != nil {
		return nil, fmt.Errorf("applying the pending revisions to a scratch copy of the live schema failed: %w", err)
	}
	return after, nil
}

func joinStatements(stmts []string) string {
	var b strings.Builder
	for _, st := range stmts {
		b.WriteString(st)
		b.WriteString(";\n")
	}
	return b.String()
}

// sqlStatements returns the upgrade statements of a revision file; lint
// reads SQL files only.
func sqlStatements(ctx context.Context, r *revision.Revision) ([]revision.Statement, error) {
	if _, ok := r.Body.(*revfile.Body); !ok {
		return nil, fmt.Errorf("lint reads SQL revision files, and revision %s is written in Go (%s)", r.ID, r.File)
	}
	return r.Body.Statements(ctx, revision.Up, revision.BodyEnv{})
}
