package retort

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
)

// ErrDestructive is wrapped by the error of an upgrade refused because a
// pending revision drops data without "-- retort:allow destructive".
var ErrDestructive = errors.New("destructive revision not allowed")

// DestructiveError lists what a refused upgrade would have lost.
type DestructiveError struct {
	Losses []Loss
}

// Loss is one statement that loses data: where, what, and how many rows
// the table holds: counted (Exact), estimated from the catalog, or -1
// when unknown.
type Loss struct {
	Revision, File string
	Line           int
	Table, Column  string
	What           string
	Rows           int64
	Exact          bool
}

func (e *DestructiveError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "upgrade refused, nothing applied: %d statement(s) of pending revisions lose data without the header line \"%s\" (or --allow-destructive, Options.AllowDestructive):",
		len(e.Losses), lint.AllowDestructiveLine)
	for _, l := range e.Losses {
		rows := "rows: unknown"
		switch {
		case l.Table == "": // not a table's rows (a sequence's value): the message says what
			fmt.Fprintf(&b, "\n  revision %s (%s:%d): %s", l.Revision, l.File, l.Line, l.What)
			continue
		case l.Rows >= 0 && l.Exact:
			rows = fmt.Sprintf("%d rows", l.Rows)
		case l.Rows >= 0:
			rows = fmt.Sprintf("~%d rows", l.Rows)
		}
		fmt.Fprintf(&b, "\n  revision %s (%s:%d): %s (%s, %s)", l.Revision, l.File, l.Line, l.What, lossTarget(l), rows)
	}
	b.WriteString("\nadd the header line to each revision whose loss is intended, or run upgrade with --allow-destructive")
	return b.String()
}

func (e *DestructiveError) Unwrap() error { return ErrDestructive }

func lossTarget(l Loss) string {
	if l.Column != "" {
		return "column " + l.Table + "." + l.Column
	}
	return "table " + l.Table
}

// pendingSQL returns the revision files of plan as lint reads them, and
// their ids by file; a Go revision's statements depend on the database,
// so it is left out.
func pendingSQL(ctx context.Context, plan []*revision.Revision) ([]lint.Revision, map[string]string, error) {
	var pending []lint.Revision
	files := map[string]string{}
	for _, r := range plan {
		if _, ok := r.Body.(*revfile.Body); !ok {
			continue
		}
		up, err := r.Body.Statements(ctx, revision.Up, revision.BodyEnv{})
		if err != nil {
			return nil, nil, err
		}
		pending = append(pending, lint.Revision{ID: r.ID, File: r.File, Allow: r.Allow, Upgrade: up})
		files[r.File] = r.ID
	}
	return pending, files, nil
}

// warnFKGaps writes a warning to the log for each place where a pending
// revision leaves a table without its foreign key between statements
// that commit on their own (lint's fk-gap rule). The upgrade still runs:
// the gap is the server's limit, and only concurrent writes hit it.
func (m *Migrator) warnFKGaps(ctx context.Context, plan []*revision.Revision) {
	if m.opts.Log == nil && m.opts.Logger == nil {
		return
	}
	pending, files, err := pendingSQL(ctx, plan)
	if err != nil {
		return // the run reports a body it cannot read
	}
	for _, f := range lint.FKGaps(lint.Input{Capabilities: m.d.Capabilities(), Pending: pending}) {
		if m.opts.Log != nil {
			fmt.Fprintf(m.opts.Log, "warning: revision %s (%s:%d): %s\n", files[f.File], f.File, f.Line, f.Message)
		}
		if m.opts.Logger != nil {
			m.opts.Logger.WarnContext(ctx, "foreign key gap", "revision", files[f.File], "file", f.File, "line", f.Line, "table", f.Table, "message", f.Message)
		}
	}
}

// refuseDestructive returns a *DestructiveError when a revision of plan
// loses data (lint's destructive rule) and does not allow it. It runs
// before the upgrade applies anything.
func (m *Migrator) refuseDestructive(ctx context.Context, plan []*revision.Revision) error {
	if m.opts.AllowDestructive {
		return nil
	}
	pending, files, err := pendingSQL(ctx, plan)
	if err != nil {
		return err
	}
	if len(pending) == 0 {
		return nil
	}
	in := lint.Input{Capabilities: m.d.Capabilities(), Pending: pending, NarrowsType: m.d.NarrowsType}
	if lint.NeedsLive(in) || lint.DropsColumn(pending) {
		// Rebuild losses and narrowed types are found by following the
		// live columns, and the live schema tells a generated column
		// (which loses nothing) from a stored one.
		if in.Live, err = m.Inspect(ctx); err != nil {
			return err
		}
	}
	found := lint.Destructive(in)
	if len(found) == 0 {
		return nil
	}
	rows := m.rowCounter(ctx)
	e := &DestructiveError{}
	for _, f := range found {
		what := f.Message
		if i := strings.Index(what, "; add the header"); i > 0 {
			what = what[:i]
		}
		n, exact := int64(-1), false
		if f.Table != "" {
			n, exact = rows(f.Table)
		}
		e.Losses = append(e.Losses, Loss{Revision: files[f.File], File: f.File, Line: f.Line, Table: f.Table, Column: f.Column,
			What: what, Rows: n, Exact: exact})
	}
	return e
}

// DestructiveSQL returns the statements of an upgrade section (such as
// Autogenerate's) that lose data, as lint's destructive rule finds them
// against the live database; a revision carrying them needs the header
// line "-- retort:allow destructive" for Upgrade to run it.
func (m *Migrator) DestructiveSQL(ctx context.Context, upgrade []string) ([]LintFinding, error) {
	r := lint.Revision{File: "(autogenerated)"}
	for i, s := range upgrade {
		r.Upgrade = append(r.Upgrade, revision.Statement{SQL: s, Line: i + 1})
	}
	in := lint.Input{Capabilities: m.d.Capabilities(), Pending: []lint.Revision{r}, NarrowsType: m.d.NarrowsType}
	if m.db != nil {
		live, err := m.Inspect(ctx)
		if err != nil {
			return nil, err
		}
		in.Live = live
	}
	return lint.Destructive(in), nil
}

// destructiveNotes warns, in an offline script, of each statement of a
// revision file that loses data, allowed or not. Without a database the
// columns' old types are unknown, so narrowed types are not among them.
func (m *Migrator) destructiveNotes(r *revision.Revision) []string {
	if _, ok := r.Body.(*revfile.Body); !ok {
		return nil
	}
	up, err := r.Body.Statements(context.Background(), revision.Up, revision.BodyEnv{})
	if err != nil {
		return nil // the script itself reports a body it cannot read
	}
	var out []string
	for _, f := range lint.Destructive(lint.Input{Capabilities: m.d.Capabilities(),
		Pending: []lint.Revision{{ID: r.ID, File: r.File, Upgrade: up}}}) {
		what, _, _ := strings.Cut(f.Message, "; add the header")
		out = append(out, fmt.Sprintf("WARNING: destructive: %s (%s:%d)", what, f.File, f.Line))
	}
	return out
}
