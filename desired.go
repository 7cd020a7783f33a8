package retort

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Inspect reflects the live database's schema (retort's own tables left
// out). With Options.CacheDir, a dialect whose reflection depends only on
// schema text the database keeps (SQLite) reuses the result while that
// text and the retort build stay the same.
func (m *Migrator) Inspect(ctx context.Context) (*schema.Schema, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	var s *schema.Schema
	var err error
	if kr, ok := m.d.(dialect.KeyedReflector); ok && m.opts.CacheDir != "" {
		s, err = m.cachedReflect(ctx, kr)
	} else {
		s, err = m.d.Reflect(ctx, m.db)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the database schema failed: %w", err)
	}
	return s, nil
}

// DesiredSchema loads desired into the scratch database
// (Options.DevURL) and reflects the result. With Options.CacheDir, the
// result is kept and reused while the SQL, the database software's
// version, the server's URLs and the retort build stay the same.
func (m *Migrator) DesiredSchema(ctx context.Context, desired Desired) (*schema.Schema, error) {
	files, err := desired.DesiredSQL(ctx, m)
	if err != nil {
		return nil, err
	}
	return m.load(ctx, files)
}

// load loads schema files into the scratch database and reflects them.
func (m *Migrator) load(ctx context.Context, files []dialect.SourceFile) (*schema.Schema, error) {
	devURL := m.opts.DevURL
	// Only an embedded scratch database (SQLite in memory) needs no server.
	if m.url == nil && devURL == "" && !m.d.Capabilities().EmbeddedScratch {
		return nil, fmt.Errorf("loading the desired schema needs a scratch database: a Migrator made with New does not know the %s server's URL, so set Options.DevURL or use Open", m.d.Name())
	}
	var s *schema.Schema
	var err error
	if m.opts.CacheDir != "" {
		s, err = m.cachedDesired(ctx, files, devURL)
	} else {
		s, err = m.d.LoadDesired(ctx, m.url, devURL, files)
	}
	if sn, ok := m.d.(dialect.ServerNamer); ok && err == nil && len(m.opts.Naming.Templates) > 0 {
		// Names the server made up give way to the templates set.
		sn.ForgetServerNames(s, func(k schema.ConstraintKind) bool { return m.opts.Naming.Templates[string(k)] != "" })
	}
	return s, err
}

func (m *Migrator) diffOptions() diff.Options {
	opts := m.d.Capabilities().DiffOptions()
	opts.Naming = m.opts.Naming
	return opts
}

func (m *Migrator) renderOptions() dialect.RenderOptions {
	return dialect.RenderOptions{Naming: m.opts.Naming, PlainForeignKeys: m.opts.PlainForeignKeys}
}

// Diff returns the operations that take the live database to desired.
// Renames come from the desired SQL's hints; any other likely rename
// shows as a drop and add.
func (m *Migrator) Diff(ctx context.Context, desired Desired) ([]op.Op, error) {
	ops, _, err := m.diff(ctx, desired, AutogenerateOptions{NoRename: true})
	return ops, err
}

// diff compares the live database with desired, whose rename hints join
// the decisions in r.
func (m *Migrator) diff(ctx context.Context, desired Desired, r AutogenerateOptions) ([]op.Op, *schema.Schema, error) {
	files, err := desired.DesiredSQL(ctx, m)
	if err != nil {
		return nil, nil, err
	}
	hints, err := m.renameHints(files)
	if err != nil {
		return nil, nil, err
	}
	r.Renames = append(append([]diff.Rename(nil), r.Renames...), hints...)
	live, want, err := m.liveAndDesired(ctx, files)
	if err != nil {
		return nil, nil, err
	}
	opts := m.diffOptions()
	opts.Renames, opts.NoRename, opts.Decide = r.Renames, r.NoRename, r.Decide
	ops, err := diff.Schemas(live, want, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("comparing the database with the desired schema failed: %w", err)
	}
	// Unmanaged objects are compared once the renames are decided: a
	// renamed table's go with it.
	if err := r.unmanaged.check(carryRenamedTables(live, want, ops), want, r.IgnoreUnmanaged); err != nil {
		return nil, nil, err
	}
	return ops, live, nil
}

// DiffSQL returns the statements that take the live database to the
// desired schema; none when they match. Like Autogenerate (but at any
// revision), a likely rename without a decision in opts or a hint fails
// with *UndecidedRenamesError. When objects retort does not manage
// differ, the error is an *UnmanagedError listing them, returned with
// the statements for everything else, unless opts set IgnoreUnmanaged.
func (m *Migrator) DiffSQL(ctx context.Context, desired Desired, opts ...AutogenerateOptions) ([]string, error) {
	r := mergeAutogenerateOptions(opts)
	var unmanaged []diff.UnmanagedDifference
	r.unmanaged = unmanagedCheck{into: &unmanaged}
	ops, live, err := m.diff(ctx, desired, r)
	if err != nil {
		return nil, err
	}
	var stmts []string
	if len(ops) > 0 {
		if stmts, err = m.renderWith(ops, live, m.autogenRenderOptions(ctx, r.BigTable)); err != nil {
			return nil, err
		}
	}
	if len(unmanaged) > 0 && !r.IgnoreUnmanaged {
		return stmts, &diff.UnmanagedError{Differences: unmanaged}
	}
	return stmts, nil
}

func (m *Migrator) render(ops []op.Op, current *schema.Schema) ([]string, error) {
	return m.renderWith(ops, current, m.renderOptions())
}

func (m *Migrator) renderWith(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error) {
	stmts, err := m.d.Render(ops, current, opts)
	if err != nil {
		return nil, fmt.Errorf("rendering %s SQL failed: %w", m.d.Name(), err)
	}
	return stmts, nil
}

// CreateSQL returns the statements that create s in an empty database.
func (m *Migrator) CreateSQL(s *schema.Schema) ([]string, error) {
	ops, err := diff.Schemas(nil, s, m.diffOptions())
	if err != nil {
		return nil, err
	}
	return m.render(ops, &schema.Schema{})
}

// Autogenerate returns a new revision's upgrade and downgrade statements
// and the operations behind them. The database must be at head (else the
// error wraps ErrNotAtHead), since the revision goes on top of it.
//
// A likely rename is never written as a drop and add without a decision:
// from opts, or a "-- retort:renamed-from" hint in the desired SQL; else
// the error wraps *UndecidedRenamesError listing the candidates. Objects
// retort does not manage that differ make it fail with *UnmanagedError,
// unless opts set IgnoreUnmanaged. On PostgreSQL an index change on a
// table of opts.BigTable rows or more is an op with Online set, which
// the statements render as CONCURRENTLY, so a Go revision written from
// the operations (WriteGoRevision) builds it the same way.
func (m *Migrator) Autogenerate(ctx context.Context, desired Desired, opts ...AutogenerateOptions) (up, down []string, ops []op.Op, err error) {
	current, err := m.Current(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	if heads := m.graph.Heads(); !slices.Equal(current, heads) {
		return nil, nil, nil, fmt.Errorf("%w: it is at %s but the revisions' head is %s; run upgrade first",
			ErrNotAtHead, idsText(current), idsText(heads))
	}
	r := mergeAutogenerateOptions(opts)
	ops, live, err := m.diff(ctx, desired, r)
	if err != nil || len(ops) == 0 {
		return nil, nil, ops, err
	}
	render := m.autogenRenderOptions(ctx, r.BigTable)
	ops = m.markOnline(ops, render.BigTable)
	if up, err = m.renderWith(ops, live, render); err != nil {
		return nil, nil, nil, err
	}
	// The downgrade starts from the schema the upgrade leaves behind.
	after := live.Clone()
	if err := op.Apply(after, ops...); err != nil {
		return nil, nil, nil, fmt.Errorf("modelling the upgraded schema failed: %w", err)
	}
	if down, err = m.renderWith(op.ReverseAll(ops), after, render); err != nil {
		return nil, nil, nil, err
	}
	return up, down, ops, nil
}

// CheckReport is what Check found.
type CheckReport struct {
	Current, Heads []string
	AtHead         bool
	Pending        []Revision // not applied yet
	Edited         []Revision // applied, then their file changed
	Changes        []op.Op    // live database -> desired schema (see Describe)
	Unfinished     []Unfinished
	// Unmanaged are the objects retort does not manage (or cannot
	// express) that differ between the database and the desired schema.
	Unmanaged []UnmanagedDifference
}

// Clean reports whether the database is at head, no applied revision was
// edited, and the database matches the desired schema, unmanaged objects
// included.
func (r *CheckReport) Clean() bool {
	return r.AtHead && len(r.Edited) == 0 && len(r.Changes) == 0 && len(r.Unfinished) == 0 && len(r.Unmanaged) == 0
}

// Check compares the database with the revisions and the desired schema.
func (m *Migrator) Check(ctx context.Context, desired Desired) (*CheckReport, error) {
	rep := &CheckReport{Heads: m.graph.Heads()}
	var err error
	if rep.Current, err = m.Current(ctx); err != nil {
		return nil, err
	}
	rep.AtHead = slices.Equal(rep.Current, rep.Heads)
	if rep.Pending, err = m.Pending(ctx); err != nil {
		return nil, err
	}
	if rep.Edited, err = m.Edited(ctx); err != nil {
		return nil, err
	}
	if rep.Unfinished, err = m.Unfinished(ctx); err != nil {
		return nil, err
	}
	if rep.Changes, _, err = m.diff(ctx, desired, AutogenerateOptions{NoRename: true, unmanaged: unmanagedCheck{into: &rep.Unmanaged}}); err != nil {
		return nil, err
	}
	return rep, nil
}

// RowEstimate returns the live tables' row counts: the catalog's
// estimates where it keeps them, else counts (bounded at a million
// rows); 0 for a table the database does not hold.
func (m *Migrator) RowEstimate(ctx context.Context) func(table string) int64 {
	if m.db == nil {
		return func(string) int64 { return 0 }
	}
	rows := m.rowCounter(ctx)
	return func(table string) int64 {
		n, _ := rows(table)
		return max(n, 0)
	}
}

func idsText(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}
