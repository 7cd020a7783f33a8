package runner

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/retortdb/retort/revision"
)

// Stamp records target as the current heads without running anything,
// with a 'stamp' history row per target revision ("base" at base).
func (r *Runner) Stamp(ctx context.Context, target string) error {
	return r.session(ctx, func(conn *sql.Conn) error {
		b := book{r.Dialect}
		current, err := b.heads(ctx, conn)
		if err != nil {
			return err
		}
		targets, err := r.Graph.Resolve(target, current)
		if err != nil {
			return err
		}
		slices.Sort(targets)
		targets = slices.Compact(targets)
		rec := record{heads: targets}
		now := time.Now()
		for _, id := range targets {
			rec.history = append(rec.history, entry{revision: id, direction: revision.Stamp, checksum: r.Graph.Get(id).Checksum, at: now})
		}
		if len(targets) == 0 {
			rec.history = append(rec.history, entry{revision: "base", direction: revision.Stamp, at: now})
		}
		// Partial runs of revisions now recorded as applied are moot.
		partial, err := b.progressRevisions(ctx, conn)
		if err != nil {
			return err
		}
		applied := r.Graph.Applied(targets)
		j := &job{r: r, conn: conn, rev: &revision.Revision{ID: target}}
		if err := j.begin(ctx); err != nil {
			return err
		}
		err = b.write(ctx, conn, rec)
		for _, id := range partial {
			if err == nil && applied[id] {
				err = b.clearProgress(ctx, conn, id)
			}
		}
		if err != nil {
			j.rollback(ctx)
			return err
		}
		return j.commit(ctx)
	})
}

// Edited returns the applied revisions whose checksum differs from the
// one recorded when they were applied (or stamped), in graph order.
func (r *Runner) Edited(ctx context.Context) ([]*revision.Revision, error) {
	if err := r.ready(); err != nil {
		return nil, err
	}
	b := book{r.Dialect}
	current, err := b.heads(ctx, r.DB)
	if err != nil {
		return nil, err
	}
	sums, err := b.checksums(ctx, r.DB)
	if err != nil {
		return nil, err
	}
	applied := r.Graph.Applied(current)
	var out []*revision.Revision
	for _, rev := range r.Graph.All() {
		if sum, ok := sums[rev.ID]; ok && applied[rev.ID] && sum != rev.Checksum {
			out = append(out, rev)
		}
	}
	return out, nil
}

// Pending returns the revisions not yet applied on the way to all heads,
// in the order they would be applied.
func (r *Runner) Pending(ctx context.Context) ([]*revision.Revision, error) {
	current, err := r.Current(ctx)
	if err != nil {
		return nil, err
	}
	if len(r.Graph.Heads()) == 0 {
		return nil, nil
	}
	return r.Graph.UpgradePlan(current, "heads")
}
