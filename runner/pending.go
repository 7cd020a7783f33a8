package runner

import (
	"context"
	"database/sql"
	"time"

	"github.com/retortdb/retort/revision"
)

// finishPending runs the deferred statements (PostgreSQL's VALIDATE
// CONSTRAINT) that an earlier run left pending on revisions it recorded:
// their bodies committed, so only the validations run again.
func (r *Runner) finishPending(ctx context.Context, conn *sql.Conn) error {
	b := book{r.Dialect}
	ids, err := b.progressRevisions(ctx, conn)
	if err != nil || len(ids) == 0 {
		return err
	}
	current, err := b.heads(ctx, conn)
	if err != nil {
		return err
	}
	applied := r.Graph.Applied(current)
	for _, id := range ids {
		rev := r.Graph.Get(id)
		if rev == nil || !applied[id] {
			continue
		}
		p, err := b.getProgress(ctx, conn, id)
		if err != nil {
			return err
		}
		if p == nil || p.direction != revision.Up || len(p.pending) == 0 {
			continue
		}
		j := &job{r: r, conn: conn, rev: rev, dir: revision.Up, start: time.Now()}
		j.l = r.logStart(rev, revision.Up)
		j.l.note("its body is applied and recorded; running the pending validation only")
		err = j.runDeferred(ctx, p.pending, p.done)
		j.l.end(err == nil, err, time.Since(j.start))
		if err != nil {
			return err
		}
	}
	return nil
}
