package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// resumeAt reads the revision's progress row and returns the statement to
// start at: 0 for a fresh run (after writing its progress row), or where
// an earlier run stopped, once the statement that was in flight then is
// settled from the catalog.
func (j *job) resumeAt(ctx context.Context, b book) (int, error) {
	all := j.statements()
	p, err := b.getProgress(ctx, j.conn, j.rev.ID)
	if err != nil {
		return 0, err
	}
	if p == nil || j.dir == revision.Down && p.direction == revision.Up && len(p.pending) > 0 {
		// Nothing ran yet, or the pending validation of an applied
		// revision that is now being reverted.
		return 0, b.saveProgress(ctx, j.conn, j.rev.ID, j.progressAt(0))
	}
	resolve := fmt.Sprintf("retort resolve %s", j.rev.ID)
	switch {
	case p.direction != j.dir:
		return 0, fmt.Errorf("revision %s (%s) has an unfinished %s run (%d statement(s) done) recorded in retort_progress; finish it with retort %s, or undo it by hand and run %s --forget",
			j.rev.ID, j.rev.File, p.direction, p.done, map[revision.Direction]string{revision.Up: "upgrade", revision.Down: "downgrade"}[p.direction], resolve)
	case !j.rev.Body.Resumable() && p.done+p.inFlight > 0:
		return 0, partlyRun(j.rev, p)
	}
	settled := p.done
	if p.inFlight > 0 {
		settled = p.inFlight
	}
	if p.checksum != j.rev.Checksum {
		if settled > len(all) || p.doneSum != sumOf(all, settled) {
			return 0, fmt.Errorf("revision %s (%s) was partly run (statements 1..%d) and some of those statements changed in the file since; restore them as they were, or check the database by hand and run %s --retry to accept the file as it is now",
				j.rev.ID, j.rev.File, settled, resolve)
		}
		// Only statements that never ran were edited (the fix of the one
		// that failed): the file as it is now is what the rest runs.
		j.l.note(fmt.Sprintf("the revision file changed after statement %d; the statements that ran are unchanged", settled))
		if err := b.saveProgress(ctx, j.conn, j.rev.ID, progress{direction: p.direction, checksum: j.rev.Checksum,
			done: p.done, inFlight: p.inFlight, before: p.before, doneSum: p.doneSum}); err != nil {
			return 0, err
		}
	}
	start := min(p.done, len(all))
	if p.inFlight > 0 {
		if start, err = j.settleInFlight(ctx, b, p); err != nil {
			return 0, err
		}
	}
	if start > 0 {
		j.l.note(fmt.Sprintf("resuming at statement %d of %d", start+1, len(all)))
	}
	return start, nil
}

// partlyRun refuses a revision that cannot resume (its statements would
// not be the same again: a Go revision's are rendered from the live
// schema, which the statements that ran changed) once part of it ran.
// It names the statement in flight, whose effect is what the user must
// check first, and how to record each outcome: forgetting needs only the
// id, so the retort command can; stamping needs the revision, which only
// the program that holds it has.
func partlyRun(rev *revision.Revision, p *progress) error {
	return fmt.Errorf("%s revision %s (%s) was partly run (%s; recorded in retort_progress) and cannot resume; finish or undo it by hand, then record it: undone, with retort resolve %s --forget (or Migrator.Resolve(ctx, %q, retort.Resolution{Forget: true})); finished, with Migrator.Stamp(ctx, %q) in the program that holds the revision (what retort stamp %s does for a revision it can load)",
		rev.Body.Kind(), rev.ID, rev.File, ranText(p.done, p.inFlight), rev.ID, rev.ID, rev.ID, rev.ID)
}

// ranText says how far a stopped run got: "2 statement(s) done,
// statement 3 was running when it stopped".
func ranText(done, inFlight int) string {
	s := fmt.Sprintf("%d statement(s) done", done)
	if inFlight > 0 {
		s += fmt.Sprintf(", statement %d was running when it stopped", inFlight)
	}
	return s
}

// settleInFlight finds out whether the statement that was running when an
// earlier run stopped took effect, and returns where to resume: after it
// when the catalog proves its whole effect is present, at it when the
// catalog proves nothing of it is. When the catalog cannot tell, the user
// decides with retort resolve; retort never guesses.
func (j *job) settleInFlight(ctx context.Context, b book, p *progress) (int, error) {
	all := j.statements()
	i := p.inFlight - 1
	stmt := all[i]
	applied := func(why string) (int, error) {
		j.l.note(fmt.Sprintf("statement %d had taken effect before the interruption (%s)", i+1, why))
		return i + 1, b.saveProgress(ctx, j.conn, j.rev.ID, j.progressAt(i+1))
	}
	again := func(why string, cleanup []string) (int, error) {
		for _, s := range cleanup {
			j.r.logStatement(s)
			if _, err := j.conn.ExecContext(ctx, s); err != nil {
				return 0, j.fail(s, i, len(all), true, fmt.Errorf("removing what the interrupted statement %d left failed: %w", i+1, err))
			}
		}
		j.l.note(fmt.Sprintf("statement %d had not taken effect before the interruption (%s); running it again", i+1, why))
		return i, b.saveProgress(ctx, j.conn, j.rev.ID, j.progressAt(i))
	}
	v, cleanup, err := j.r.Dialect.CheckInFlight(ctx, j.conn, stmt)
	if err != nil {
		return 0, fmt.Errorf("checking whether statement %d of revision %s took effect failed: %w", i+1, j.rev.ID, err)
	}
	switch v {
	case dialect.InFlightApplied:
		return applied("the catalog shows its result")
	case dialect.InFlightNotApplied:
		return again("the catalog shows no result", cleanup)
	}
	switch j.effect(stmt) {
	case dialect.EffectRepeatable:
		return again("it is safe to repeat", nil)
	case dialect.EffectSchema:
		if p.before == "" {
			break
		}
		now, err := j.fingerprint(ctx)
		if err != nil {
			return 0, err
		}
		if now != p.before {
			return applied("the schema changed since it started, and the statement is atomic")
		}
		return again("the schema is as it was before it started", nil)
	}
	return 0, &MigrationError{Revision: j.rev, Direction: j.dir, Statement: j.stmt(stmt), Executed: i, Total: len(all), NotRolledBack: true,
		Err: fmt.Errorf("statement %d was running when an earlier run stopped, and the catalog cannot tell whether it took effect; check the database, then run retort resolve %s --skip-statement %d if it did, or --retry if it did not",
			i+1, j.rev.ID, i+1)}
}

// fingerprint is a hash of the reflected schema, which an atomic DDL
// statement changes when it commits.
func (j *job) fingerprint(ctx context.Context) (string, error) {
	s, err := j.r.Dialect.Reflect(ctx, j.conn)
	if err != nil {
		return "", fmt.Errorf("reading the schema before a statement of revision %s failed: %w", j.rev.ID, err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("fingerprinting the schema failed: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:32], nil
}
