package runner

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// Unfinished is a revision run that retort_progress says is not finished.
type Unfinished struct {
	Revision  string
	Direction revision.Direction // revision.Up or revision.Down
	Done      int                // statements that took effect
	InFlight  int                // the statement started and not seen to finish (0: none)
	Pending   int                // deferred statements (validations) left of a recorded revision
	// NoResume is set when the runner's graph holds the revision and its
	// body cannot resume (a Go revision: see partlyRun), so a rerun would
	// only refuse; Kind is then what it is written in ("Go").
	NoResume bool
	Kind     string
}

func (u Unfinished) String() string {
	switch {
	case u.Pending > 0:
		return fmt.Sprintf("revision %s is applied but %d deferred statement(s) (validation) are pending; retort upgrade runs them", u.Revision, u.Pending)
	case u.NoResume && u.Done+u.InFlight > 0:
		return fmt.Sprintf("%s revision %s has an unfinished %s run: %s; it cannot resume: undo it by hand and forget it (retort resolve %s --forget), or finish it by hand and stamp it (Migrator.Stamp) from the program that holds it", u.Kind, u.Revision, u.Direction, ranText(u.Done, u.InFlight), u.Revision)
	case u.InFlight > 0:
		return fmt.Sprintf("revision %s has an unfinished %s run: %s; rerun it, or see retort resolve", u.Revision, u.Direction, ranText(u.Done, u.InFlight))
	}
	return fmt.Sprintf("revision %s has an unfinished %s run: %d statement(s) done; rerun it to resume", u.Revision, u.Direction, u.Done)
}

// Unfinished lists the unfinished runs recorded in retort_progress.
func (r *Runner) Unfinished(ctx context.Context) ([]Unfinished, error) {
	if err := r.ready(); err != nil {
		return nil, err
	}
	us, err := unfinished(ctx, book{r.Dialect}, r.DB)
	for i, u := range us {
		if rev := r.Graph.Get(u.Revision); rev != nil && rev.Body != nil && !rev.Body.Resumable() {
			us[i].NoResume, us[i].Kind = true, rev.Body.Kind()
		}
	}
	return us, err
}

func unfinished(ctx context.Context, b book, q dialect.Querier) ([]Unfinished, error) {
	ids, err := b.progressRevisions(ctx, q)
	if err != nil {
		if b.d.MissingTable(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []Unfinished
	for _, id := range ids {
		p, err := b.getProgress(ctx, q, id)
		if err != nil {
			return nil, err
		}
		if p != nil {
			out = append(out, Unfinished{Revision: id, Direction: p.direction, Done: p.done, InFlight: p.inFlight, Pending: len(p.pending)})
		}
	}
	return out, nil
}
