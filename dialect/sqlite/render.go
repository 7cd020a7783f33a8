package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// SQLite's foreign-key pragmas as Render emits them; Prepare hoists them.
const (
	renderFKOff   = "PRAGMA foreign_keys = OFF"
	renderFKOn    = "PRAGMA foreign_keys = ON"
	renderFKCheck = "PRAGMA foreign_key_check"
)

// renderer turns operations into statements. Tables created in the batch
// and tables that need a rebuild stay pending while later operations on
// them fold into the model; flush writes each one once.
type renderer struct {
	cur     *schema.Schema // the model as the statements so far leave it
	opts    dialect.RenderOptions
	out     []string
	pending []*renderPending
	rebuilt bool
}

type renderPending struct {
	ref    op.Ref
	create bool
	// Rebuilds only: the table as the database holds it, and for each
	// target column the source column it is copied from.
	src  *schema.Table
	from map[string]string
}

// Render implements dialect.Dialect.
func (Dialect) Render(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error) {
	if current == nil {
		current = &schema.Schema{}
	}
	ops = append([]op.Op(nil), ops...)
	ahead, err := renderPlanRebuilds(ops, current, opts.Naming)
	if err != nil {
		return nil, err
	}
	r := &renderer{cur: current.Clone(), opts: opts}
	for i, o := range ops {
		if err := r.op(o, ahead[i]); err != nil {
			return nil, fmt.Errorf("sqlite: rendering %s: %w", o, err)
		}
	}
	if err := r.flush(); err != nil {
		return nil, fmt.Errorf("sqlite: rendering: %w", err)
	}
	if !r.rebuilt {
		return r.out, nil
	}
	// Once per render: the plan runs OFF before BEGIN, the check before
	// COMMIT and ON after the transaction.
	out := append([]string{renderFKOff}, r.out...)
	return append(out, renderFKCheck, renderFKOn), nil
}

// renderBarrier reports operations that flush every pending table first:
// they may read or name any table as the database holds it.
func renderBarrier(o op.Op) bool {
	switch o.(type) {
	case op.CreateView, op.DropView, op.CreateEnum, op.DropEnum, op.AlterEnum,
		op.Execute, op.RenameTable, op.CreateTrigger, op.DropTrigger,
		op.CreateObject, op.DropObject, op.AlterObject:
		return true
	}
	return false
}

// renderPlanRebuilds simulates ops and marks, for each, whether an operation
// on the same table needing a rebuild follows before the next barrier, so
// the rebuild starts early and absorbs the plain changes too.
//
// It also names unnamed indexes in ops, which must be a copy.
func renderPlanRebuilds(ops []op.Op, current *schema.Schema, naming schema.Naming) ([]bool, error) {
	sim := current.Clone()
	needs := make([]bool, len(ops))
	for i, o := range ops {
		if ci, ok := o.(op.CreateIndex); ok && ci.Index.Name == "" {
			if t := sim.Table(ci.Table.Schema, ci.Table.Name); t != nil {
				ix := *ci.Index
				ix.Name = renderIndexName(sim, t, &ix, naming)
				ci.Index = &ix
				ops[i], o = ci, ci
			}
		}
		if t := sim.Table(o.TableRef().Schema, o.TableRef().Name); t != nil && !renderBarrier(o) {
			needs[i] = renderNeedsRebuild(o, t, sim)
		}
		if err := op.Apply(sim, o); err != nil {
			return nil, fmt.Errorf("sqlite: rendering %s: %w", o, err)
		}
	}
	ahead := make([]bool, len(ops))
	later := map[op.Ref]bool{}
	for i := len(ops) - 1; i >= 0; i-- {
		o := ops[i]
		if renderBarrier(o) {
			clear(later)
			continue
		}
		ref := o.TableRef()
		switch o.(type) {
		case op.CreateTable, op.DropTable:
			// A table of the same name on the other side is another table.
			delete(later, ref)
			continue
		}
		if needs[i] {
			later[ref] = true
		}
		ahead[i] = later[ref]
	}
	return ahead, nil
}

func (r *renderer) pendingFor(ref op.Ref) (int, *renderPending) {
	for i, p := range r.pending {
		if p.ref == ref {
			return i, p
		}
	}
	return -1, nil
}

func (r *renderer) op(o op.Op, rebuildAhead bool) error {
	if renderBarrier(o) {
		if tr, ok := o.(op.DropTrigger); ok {
			// The rebuild drops the table's triggers and recreates only
			// those left in the model.
			if _, p := r.pendingFor(o.TableRef()); p != nil && !p.create {
				return op.Apply(r.cur, tr)
			}
		}
		if err := r.flush(); err != nil {
			return err
		}
		stmts, err := r.plain(o)
		if err != nil {
			return err
		}
		r.out = append(r.out, stmts...)
		return op.Apply(r.cur, o)
	}
	ref := o.TableRef()
	i, p := r.pendingFor(ref)
	switch o := o.(type) {
	case op.CreateTable:
		if err := op.Apply(r.cur, o); err != nil {
			return err
		}
		r.pending = append(r.pending, &renderPending{ref: ref, create: true})
		return nil
	case op.DropTable:
		if p != nil {
			r.pending = append(r.pending[:i:i], r.pending[i+1:]...)
			if p.create {
				return op.Apply(r.cur, o)
			}
			p = nil // the pending rebuild is moot: drop the table as it is
		}
	}
	if p != nil {
		if err := op.Apply(r.cur, o); err != nil {
			return err
		}
		p.track(o)
		return nil
	}
	t := r.cur.Table(ref.Schema, ref.Name)
	if t == nil {
		return fmt.Errorf("no table %s", ref)
	}
	if rebuildAhead || renderNeedsRebuild(o, t, r.cur) {
		p := &renderPending{ref: ref, src: t.Clone(), from: map[string]string{}}
		for _, c := range t.Columns {
			p.from[c.Name] = c.Name
		}
		r.pending = append(r.pending, p)
		if err := op.Apply(r.cur, o); err != nil {
			return err
		}
		p.track(o)
		return nil
	}
	if dropsData(o) {
		// Tables created in the same change come first, so a statement
		// copying rows into them can go between the two.
		if err := r.flushCreates(); err != nil {
			return err
		}
	}
	stmts, err := r.plain(o)
	if err != nil {
		return err
	}
	r.out = append(r.out, stmts...)
	return op.Apply(r.cur, o)
}

func dropsData(o op.Op) bool {
	switch o.(type) {
	case op.DropColumn, op.DropTable:
		return true
	}
	return false
}

// flushCreates writes the pending creates and keeps the pending rebuilds.
func (r *renderer) flushCreates() error {
	var creates, rest []*renderPending
	for _, p := range r.pending {
		if p.create {
			creates = append(creates, p)
		} else {
			rest = append(rest, p)
		}
	}
	r.pending = creates
	err := r.flush()
	r.pending = rest
	return err
}

// track keeps the column mapping of a pending rebuild up to date.
func (p *renderPending) track(o op.Op) {
	if p.create {
		return
	}
	switch o := o.(type) {
	case op.RenameColumn:
		if src, ok := p.from[o.Old]; ok {
			delete(p.from, o.Old)
			p.from[o.New] = src
		}
	case op.DropColumn:
		delete(p.from, o.Column.Name)
	case op.AddColumn:
		delete(p.from, o.Column.Name)
	}
}
