package retort

import (
	"context"
	"io"
	"time"

	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/runner"
)

// Direction is the way a revision is run: Up (upgrade) or Down
// (downgrade).
type Direction string

const (
	Up   Direction = "up"
	Down Direction = "down"
)

// Result is one revision Upgrade applied or Downgrade reverted.
type Result struct {
	ID        string
	Message   string
	Direction Direction
	// Statements is the number of statements the revision ran (as planned
	// for the database: its body and deferred validations).
	Statements int
	Duration   time.Duration
}

// Unfinished is a revision run that retort_progress records as not
// finished: a stepwise run part way, or a recorded revision whose
// validation is pending.
type Unfinished = runner.Unfinished

// Resolution is a decision about an unfinished run, for Resolve.
type Resolution = runner.Resolution

// CheckTarget refuses a relative step that goes the other way ("-N" for
// an upgrade, "+N" for a downgrade) before anything is opened; Upgrade
// and Downgrade refuse it too.
func CheckTarget(target string, dir Direction) error {
	return revision.CheckDirection(target, dir == Down)
}

// Upgrade applies revisions up to target ("head", "heads", an id, a
// prefix, "+N") and returns those it applied, in order. A pending
// revision that loses data (drops a table or column, truncates, rebuilds
// a table without a column) is refused before anything is applied,
// with a *DestructiveError, unless it carries the header line
// "-- retort:allow destructive" or Options.AllowDestructive is set. On failure the
// revisions applied before it are returned with the error, which wraps a
// *MigrationError when a revision failed.
func (m *Migrator) Upgrade(ctx context.Context, target string) ([]Result, error) {
	return m.migrate(ctx, target, false)
}

// Downgrade reverts revisions down to target ("base", an id, "-N") and
// returns those it reverted, in order, as Upgrade does.
func (m *Migrator) Downgrade(ctx context.Context, target string) ([]Result, error) {
	return m.migrate(ctx, target, true)
}

func (m *Migrator) migrate(ctx context.Context, target string, down bool) ([]Result, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	if !down {
		plan, err := m.upgradePlan(ctx, target)
		if err != nil {
			return nil, err
		}
		if err := m.refuseDestructive(ctx, plan); err != nil {
			return nil, err
		}
		m.warnFKGaps(ctx, plan)
	}
	steps, err := m.runner.Migrate(ctx, target, down)
	var out []Result
	for _, s := range steps {
		out = append(out, Result{ID: s.Revision.ID, Message: s.Revision.Message, Direction: Direction(s.Direction),
			Statements: s.Statements, Duration: s.Duration})
	}
	return out, err
}

// upgradePlan is what an upgrade to target would apply now.
func (m *Migrator) upgradePlan(ctx context.Context, target string) ([]*revision.Revision, error) {
	current, err := m.runner.Current(ctx)
	if err != nil {
		return nil, err
	}
	return m.graph.UpgradePlan(current, target)
}

// OfflineSQL writes to w the script that takes a database at the heads
// from (nil: base) to target, upgrading or downgrading, without touching
// any database: for `upgrade --sql`, to run by hand. It is not refused
// for destructive statements: each gets a "-- WARNING: destructive"
// comment under its revision's heading. A Go revision works
// offline only when it changes nothing but tables it creates itself;
// otherwise the error wraps op.ErrNeedsDatabase.
func (m *Migrator) OfflineSQL(w io.Writer, from []string, target string, dir Direction) error {
	r := *m.runner
	if dir == Up {
		r.OfflineNotes = m.destructiveNotes
	}
	out, err := r.OfflineSQL(from, target, dir == Down)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// Current returns the revisions the database is at, sorted; empty at base.
func (m *Migrator) Current(ctx context.Context) ([]string, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	return m.runner.Current(ctx)
}

// Stamp records target as applied without running anything.
func (m *Migrator) Stamp(ctx context.Context, target string) error {
	if m.db == nil {
		return ErrNoDatabase
	}
	return m.runner.Stamp(ctx, target)
}

// Pending returns the revisions not applied yet on the way to all heads,
// in the order they would be applied.
func (m *Migrator) Pending(ctx context.Context) ([]Revision, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	revs, err := m.runner.Pending(ctx)
	return m.revs.describeAll(revs), err
}

// Edited returns the applied revisions whose file changed after they were
// applied (or stamped), in graph order.
func (m *Migrator) Edited(ctx context.Context) ([]Revision, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	revs, err := m.runner.Edited(ctx)
	return m.revs.describeAll(revs), err
}

// Unfinished lists the unfinished runs recorded in retort_progress.
func (m *Migrator) Unfinished(ctx context.Context) ([]Unfinished, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	return m.runner.Unfinished(ctx)
}

// Resolve records a decision about revision id's unfinished run, after
// the database was checked by hand, adopting the revision file as it is
// now; upgrade (or downgrade) then goes on from there.
func (m *Migrator) Resolve(ctx context.Context, id string, res Resolution) error {
	if m.db == nil {
		return ErrNoDatabase
	}
	return m.runner.Resolve(ctx, id, res)
}
