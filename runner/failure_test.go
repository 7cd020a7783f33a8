package runner

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// blocked's second statement fails while blocker holds id 1, and succeeds
// once the row is gone, without any change to the file.
var blocked = []rev{
	{id: "f1", msg: "blocker", up: "CREATE TABLE blocker (id INTEGER PRIMARY KEY);", down: "DROP TABLE blocker;"},
	{id: "f2", parents: "f1", msg: "needs a free id",
		up:   "CREATE TABLE made (id INTEGER PRIMARY KEY);\n\n\nINSERT INTO blocker (id) VALUES (1);\nINSERT INTO made (id) VALUES (7);",
		down: "DROP TABLE made;"},
}

func TestFailingRevision(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, blocked...)
		var log bytes.Buffer
		r.Log = &log
		if _, err := r.Upgrade(ctx, "f1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		done, err := r.Upgrade(ctx, "head")
		var me *MigrationError
		if !errors.As(err, &me) {
			t.Fatalf("err = %v (%T), want *MigrationError", err, err)
		}
		if len(done) != 0 {
			t.Fatalf("reported applied %s", ids(done))
		}
		msg := err.Error()
		for _, want := range []string{"revision f2 (f2_needs_a_free_id.sql:10) failed: ", "statement: INSERT INTO blocker (id) VALUES (1)"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error %q lacks %q", msg, want)
			}
		}
		if !strings.Contains(log.String(), "FAILED") {
			t.Errorf("log lacks FAILED:\n%s", log.String())
		}
		mustCurrent(t, r, "f1")
		if got := strings.Join(history(t, r.DB), " "); got != "f1:up" {
			t.Fatalf("history %s: the failed revision was recorded", got)
		}
		stepwise := !tg.d.Capabilities().TransactionalDDL
		if me.NotRolledBack != stepwise || me.Executed != 1 {
			t.Fatalf("NotRolledBack=%v Executed=%d; stepwise=%v", me.NotRolledBack, me.Executed, stepwise)
		}
		if hasTable(r.DB, "made") != stepwise {
			t.Fatalf("table from statement 1 present=%v, want %v", hasTable(r.DB, "made"), stepwise)
		}
		if stepwise && !strings.Contains(msg, "statements 1..1 of 3 ran and were NOT rolled back; fix and rerun upgrade to resume at statement 2") {
			t.Errorf("error %q does not explain the partial run", msg)
		}

		// Fixed data, same file: a rerun completes (resuming where
		// statements are not rolled back).
		if _, err := r.DB.Exec("DELETE FROM blocker"); err != nil {
			t.Fatal(err)
		}
		log.Reset()
		done, err = r.Upgrade(ctx, "head")
		if err != nil || ids(done) != "f2" {
			t.Fatalf("rerun: %s %v", ids(done), err)
		}
		if stepwise != strings.Contains(log.String(), "resuming at statement 2 of 3") {
			t.Fatalf("log after rerun:\n%s", log.String())
		}
		mustCurrent(t, r, "f2")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM retort_progress").Scan(&n); err != nil || n != 0 {
			t.Fatalf("progress rows left: %d %v", n, err)
		}
	})
}

// stepwise forces statement-by-statement execution on a transactional
// database, as PostgreSQL's CREATE INDEX CONCURRENTLY does: every
// statement runs alone.
type stepwise struct{ dialect.Dialect }

func (stepwise) CommitsImplicitly(string) bool { return true }

func (s stepwise) Prepare(stmts []string) dialect.Plan {
	p := s.Dialect.Prepare(stmts)
	p.NoTransaction = true
	return p
}

// TestStepwiseEditedPartialRun: after a stepwise failure, editing the
// statements that never ran (the fix) resumes; editing one that ran is
// refused.
func TestStepwiseEditedPartialRun(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		tg.d = stepwise{tg.d}
		r := newRunner(t, tg, u, blocked...)
		if _, err := r.Upgrade(ctx, "f1"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Upgrade(ctx, "head"); err == nil {
			t.Fatal("blocked upgrade succeeded")
		}
		if !hasTable(r.DB, "made") {
			t.Fatal("statement 1 was rolled back in stepwise mode")
		}
		// Editing statement 1, which ran, is refused.
		edited := append([]rev(nil), blocked...)
		edited[1].up = strings.Replace(edited[1].up, "CREATE TABLE made (id INTEGER PRIMARY KEY)", "CREATE TABLE made (id INTEGER PRIMARY KEY, x INTEGER)", 1)
		r.Graph = graph(t, tg.split, files(edited...))
		_, err := r.Upgrade(ctx, "head")
		if err == nil || !strings.Contains(err.Error(), "was partly run (statements 1..1) and some of those statements changed") {
			t.Fatalf("err = %v, want refusal of an edited statement that ran", err)
		}
		mustCurrent(t, r, "f1")
		// The fix of the failing statement (2) resumes at it.
		fixed := append([]rev(nil), blocked...)
		fixed[1].up = strings.Replace(fixed[1].up, "INSERT INTO blocker (id) VALUES (1)", "INSERT INTO blocker (id) VALUES (2)", 1)
		r.Graph = graph(t, tg.split, files(fixed...))
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("resume after fixing the failed statement: %v", err)
		}
		mustCurrent(t, r, "f2")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM retort_progress").Scan(&n); err != nil || n != 0 {
			t.Fatalf("progress rows after the resumed run: %d %v", n, err)
		}
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM blocker").Scan(&n); err != nil || n != 2 {
			t.Fatalf("blocker rows %d %v, want 2", n, err)
		}
	})
}

// TestChecksRollBack: a rebuild with foreign keys off that leaves an
// orphan fails PRAGMA foreign_key_check and rolls back (SQLite).
func TestChecksRollBack(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		if tg.name != "sqlite" {
			t.Skip("foreign_key_check is SQLite's")
		}
		ctx := context.Background()
		revs := append([]rev(nil), linear[:2]...)
		revs = append(revs, rev{id: "a3", parents: "a2", msg: "rebuild notes",
			up: `PRAGMA foreign_keys = OFF;
CREATE TABLE notes_new (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body VARCHAR(200));
INSERT INTO notes_new (id, author_id, body) SELECT id, author_id, body FROM notes;
INSERT INTO notes_new (id, author_id) VALUES (99, 12345);
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;`,
			down: "SELECT 1;"})
		r := newRunner(t, tg, u, revs...)
		if _, err := r.Upgrade(ctx, "a2"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO users (id, name) VALUES (1, 'ann'); INSERT INTO notes (id, author_id) VALUES (1, 1)"); err != nil {
			t.Fatal(err)
		}
		_, err := r.Upgrade(ctx, "head")
		var me *MigrationError
		if !errors.As(err, &me) || !strings.Contains(err.Error(), "check found violations") || me.Statement.SQL != "PRAGMA foreign_key_check" {
			t.Fatalf("err = %v, want a failed foreign_key_check", err)
		}
		mustCurrent(t, r, "a2")
		var n int
		if err := r.DB.QueryRow("SELECT COUNT(*) FROM notes").Scan(&n); err != nil || n != 1 {
			t.Fatalf("notes rows = %d %v, want the original 1", n, err)
		}
		if hasTable(r.DB, "notes_new") {
			t.Fatal("rebuild not rolled back")
		}
	})
}

// TestFailingDowngradeResumes: a downgrade failing midway keeps the
// revision applied; after the fix a rerun finishes it (resuming after
// the statements that stayed in effect on stepwise databases).
func TestFailingDowngradeResumes(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		revs := []rev{blocked[0], {id: "f2", parents: "f1", msg: "down blocks",
			up:   "CREATE TABLE made (id INTEGER PRIMARY KEY);",
			down: "DROP TABLE made;\nINSERT INTO blocker (id) VALUES (1);\nDELETE FROM blocker;"}}
		r := newRunner(t, tg, u, revs...)
		var log bytes.Buffer
		r.Log = &log
		if _, err := r.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO blocker (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		_, err := r.Downgrade(ctx, "f1")
		var me *MigrationError
		if !errors.As(err, &me) || me.Direction != "down" {
			t.Fatalf("err = %v, want a failed downgrade", err)
		}
		mustCurrent(t, r, "f2")
		stepwise := !tg.d.Capabilities().TransactionalDDL
		if hasTable(r.DB, "made") == stepwise {
			t.Fatalf("table made present=%v on stepwise=%v", hasTable(r.DB, "made"), stepwise)
		}
		if _, err := r.DB.Exec("DELETE FROM blocker"); err != nil {
			t.Fatal(err)
		}
		log.Reset()
		if done, err := r.Downgrade(ctx, "f1"); err != nil || ids(done) != "f2" {
			t.Fatalf("rerun: %s %v", ids(done), err)
		}
		mustCurrent(t, r, "f1")
		if stepwise != strings.Contains(log.String(), "resuming at statement 2 of 3") {
			t.Fatalf("log:\n%s", log.String())
		}
	})
}
