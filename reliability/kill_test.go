package reliability

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killStats counts what the kill trials saw.
type killStats struct {
	trials, failures, finished, partial int
	landed                              map[int]int // chain index (-1 = base) -> trials
}

func (s killStats) String() string {
	return fmt.Sprintf("trials=%d failures=%d finished-before-kill=%d mid-revision(retort_progress)=%d landed-at=%v",
		s.trials, s.failures, s.finished, s.partial, s.landed)
}

func TestKillSQLite(t *testing.T) {
	c := loadChain(t, "sqlite")
	base := t.TempDir()
	n := 0
	fresh := func() target { n++; return sqliteTarget(fmt.Sprintf("%s/db%d.sqlite", base, n)) }
	killTrials(t, c, fresh, trials(t, 25, 1))
}

func TestKillMySQL(t *testing.T) {
	serverTarget(t, "mysql") // skips loudly when the server is down
	c := loadChain(t, "mysql")
	killTrials(t, c, func() target { return serverTarget(t, "mysql") }, trials(t, 6, 5))
}

func TestKillPostgres(t *testing.T) {
	serverTarget(t, "postgres") // skips loudly without server or dialect
	c := loadChain(t, "postgres")
	killTrials(t, c, func() target { return serverTarget(t, "postgres") }, trials(t, 6, 5))
}

// killTrials runs `retort upgrade head` against fresh databases, kills it
// with SIGKILL after a random delay spanning a whole run, and checks the
// invariants of every trial.
func killTrials(t *testing.T, c chain, fresh func() target, n int) {
	work := tempDir(t)
	refs := references(t, work, fresh(), c)
	head := refs[len(refs)-1]

	var runTime time.Duration
	for range 2 {
		tg := fresh()
		start := time.Now()
		mustRun(t, work, args(tg, c, "upgrade", "head")...)
		runTime = max(runTime, time.Since(start))
	}
	t.Logf("uninterrupted upgrade head takes %v; kills spread over 0..%v", runTime, runTime*13/10)

	stats := killStats{landed: map[int]int{}}
	for i := range n {
		tg := fresh()
		delay := time.Duration(rand.Int64N(int64(runTime * 13 / 10)))
		finished := killAfter(t, work, tg, c, delay)
		stats.trials++
		if finished {
			stats.finished++
		}
		problems := checkKilled(t, work, tg, c, refs, head, &stats)
		if len(problems) > 0 {
			stats.failures++
			t.Errorf("trial %d (%s, kill after %v): %s", i, tg.dialect, delay, strings.Join(problems, "\n"))
		}
	}
	t.Logf("kill -9 %s: %s", fresh().dialect, stats)
	fmt.Printf("RELIABILITY kill -9 %s: %s\n", c.dir[strings.LastIndex(c.dir, "/")+1:], stats)
}

// killAfter starts `retort upgrade head` and SIGKILLs it after delay; it
// reports whether the process had already finished.
func killAfter(t *testing.T, work string, tg target, c chain, delay time.Duration) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := command(ctx, work, args(tg, c, "--quiet", "upgrade", "head")...)
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting retort failed: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("uninterrupted retort upgrade head failed: %v", err)
		}
		return true
	case <-time.After(delay):
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	return false
}

// checkKilled checks the invariants after a kill, then reruns the upgrade.
func checkKilled(t *testing.T, work string, tg target, c chain, refs []snapshot, head snapshot, stats *killStats) []string {
	var problems []string
	heads, err := current(t, work, tg, c)
	if err != nil {
		return []string{err.Error()}
	}
	idx, err := c.index(heads)
	if err != nil {
		return []string{err.Error()}
	}
	stats.landed[idx]++
	db := tg.open(t)
	defer db.Close()

	// A stepwise (MySQL) revision cut between statements leaves its
	// progress row; its schema is then legitimately between two points.
	progress, _ := tryStrings(db, "SELECT revision FROM retort_progress")
	switch {
	case len(progress) > 1:
		problems = append(problems, fmt.Sprintf("several revisions in progress: %v", progress))
	case len(progress) == 1:
		stats.partial++
		if idx+1 >= len(c.order) || progress[0] != c.order[idx+1] {
			problems = append(problems, fmt.Sprintf("revision %s is in progress but the database is at %v", progress[0], heads))
		}
	default:
		if d := takeSnapshot(t, work, tg, c, db).diff(refs[idx+1]); d != "" {
			problems = append(problems, fmt.Sprintf("at %v: %s", heads, d))
		}
	}
	problems = append(problems, historyProblems(db, c, idx)...)
	problems = append(problems, integrityProblems(t, tg, db)...)

	r := run(t, work, args(tg, c, "upgrade", "head")...)
	if r.code != 0 {
		if len(problems) == 0 && strings.Contains(r.stderr, "resuming at statement") && alreadyApplied(r.stderr) {
			return []string{resumeRerunPrefix + r.String()}
		}
		return append(problems, fmt.Sprintf("rerun of upgrade head after the kill failed: %s", r))
	}
	if d := takeSnapshot(t, work, tg, c, db).diff(head); d != "" {
		problems = append(problems, "after the rerun: "+d)
	}
	problems = append(problems, historyProblems(db, c, len(c.order)-1)...)
	return append(problems, integrityProblems(t, tg, db)...)
}

const resumeRerunPrefix = "stepwise resume re-ran a statement the killed run had already applied: "

// alreadyApplied reports whether a MySQL error says the statement's
// effect is already there (duplicate row, key, column or constraint).
func alreadyApplied(stderr string) bool {
	for _, code := range []string{"(error 1062,", "(error 1005,", "(error 1060,", "(error 1061,", "(error 1050,", "(error 1826,", "(error 1091,"} {
		if strings.Contains(stderr, code) {
			return true
		}
	}
	return false
}

// historyProblems checks that exactly the revisions up to idx have one
// 'up' row each in retort_history.
func historyProblems(db *sql.DB, c chain, idx int) []string {
	rows, err := tryStrings(db, "SELECT revision FROM retort_history WHERE direction = 'up'")
	if err != nil {
		if idx < 0 {
			return nil // killed before the bookkeeping tables existed
		}
		return []string{fmt.Sprintf("reading retort_history failed: %v", err)}
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r]++
	}
	var problems []string
	for i, id := range c.order {
		want := 0
		if i <= idx {
			want = 1
		}
		if got[id] != want {
			problems = append(problems, fmt.Sprintf("retort_history has %d 'up' row(s) for %s, want %d", got[id], id, want))
		}
	}
	return problems
}

// integrityProblems runs SQLite's own checks and looks for leftovers of an
// interrupted table rebuild on every dialect.
func integrityProblems(t *testing.T, tg target, db *sql.DB) []string {
	var problems []string
	for _, name := range tg.tables(t, db) {
		if strings.HasPrefix(name, "_retort_new_") {
			problems = append(problems, "leftover rebuild table "+name)
		}
	}
	if tg.dialect != "sqlite" {
		return problems
	}
	if fk, err := tryStrings(db, "SELECT \"table\" || ' rowid ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check"); err != nil || len(fk) > 0 {
		problems = append(problems, fmt.Sprintf("PRAGMA foreign_key_check: %v %v", fk, err))
	}
	if ic, err := tryStrings(db, "PRAGMA integrity_check"); err != nil || len(ic) != 1 || ic[0] != "ok" {
		problems = append(problems, fmt.Sprintf("PRAGMA integrity_check: %v %v", ic, err))
	}
	return problems
}

// tryStrings is queryStrings that returns the error instead of failing.
func tryStrings(db *sql.DB, q string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s.String)
	}
	return out, rows.Err()
}
