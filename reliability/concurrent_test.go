package reliability

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// counterRevisions would fail if any were applied twice: counter.n is
// UNIQUE and every revision inserts a fixed value.
var counterRevisions = map[string]string{
	"d00000000001_counter.sql": `-- retort:revision d00000000001
-- retort:message counter
-- +upgrade
CREATE TABLE counter (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL UNIQUE);
INSERT INTO counter (id, n) VALUES (1, 1);
-- +downgrade
DROP TABLE counter;
`,
	"d00000000002_two.sql": `-- retort:revision d00000000002
-- retort:parents d00000000001
-- retort:message two
-- +upgrade
INSERT INTO counter (id, n) VALUES (2, 2);
CREATE TABLE other (id INTEGER NOT NULL PRIMARY KEY);
-- +downgrade
DROP TABLE other;
DELETE FROM counter WHERE n = 2;
`,
	"d00000000003_three.sql": `-- retort:revision d00000000003
-- retort:parents d00000000002
-- retort:message three
-- +upgrade
INSERT INTO counter (id, n) VALUES (3, 3);
INSERT INTO other (id) VALUES (1);
-- +downgrade
DELETE FROM other;
DELETE FROM counter WHERE n = 3;
`,
}

func TestConcurrentSQLite(t *testing.T) {
	base := t.TempDir()
	round := 0
	concurrentRounds(t, func() target { round++; return sqliteTarget(fmt.Sprintf("%s/c%d.sqlite", base, round)) }, trials(t, 4, 5))
}

func TestConcurrentMySQL(t *testing.T) {
	serverTarget(t, "mysql")
	concurrentRounds(t, func() target { return serverTarget(t, "mysql") }, trials(t, 3, 10))
}

func TestConcurrentPostgres(t *testing.T) {
	serverTarget(t, "postgres")
	concurrentRounds(t, func() target { return serverTarget(t, "postgres") }, trials(t, 3, 10))
}

// concurrentRounds starts 8 `retort upgrade head` processes at once
// against one fresh database per round; all must exit 0 and every
// revision must be applied exactly once.
func concurrentRounds(t *testing.T, fresh func() target, rounds int) {
	const procs = 8
	work := tempDir(t)
	writeFiles(t, work, map[string]string{})
	dir := filepath.Join(work, "migrations")
	files := map[string]string{}
	for name, body := range counterRevisions {
		files[filepath.Join("migrations", name)] = body
	}
	writeFiles(t, work, files)
	c := chain{dir: dir, order: []string{"d00000000001", "d00000000002", "d00000000003"}}
	failures := 0
	for round := range rounds {
		tg := fresh()
		results := make([]result, procs)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range procs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results[i] = runCtx(t, context.Background(), work, args(tg, c, "upgrade", "head")...)
			}()
		}
		close(start)
		wg.Wait()
		var problems []string
		for i, r := range results {
			if r.code != 0 {
				problems = append(problems, fmt.Sprintf("process %d: %s", i, r))
			}
		}
		db := tg.open(t)
		problems = append(problems, historyProblems(db, c, len(c.order)-1)...)
		if got := queryStrings(t, db, "SELECT n FROM counter ORDER BY n"); fmt.Sprint(got) != "[1 2 3]" {
			problems = append(problems, fmt.Sprintf("counter holds %v, want [1 2 3]", got))
		}
		heads, err := current(t, work, tg, c)
		if err != nil || fmt.Sprint(heads) != "[d00000000003]" {
			problems = append(problems, fmt.Sprintf("current = %v (%v), want [d00000000003]", heads, err))
		}
		db.Close()
		if len(problems) > 0 {
			failures++
			t.Errorf("round %d (%s): %v", round, tg.dialect, problems)
		}
	}
	msg := fmt.Sprintf("RELIABILITY concurrent %s: rounds=%d processes=%d failures=%d", fresh().dialect, rounds, procs, failures)
	t.Log(msg)
	fmt.Println(msg)
}

// runCtx is run with a deadline, safe to call from several goroutines.
func runCtx(t testing.TB, ctx context.Context, dir string, args ...string) result {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return runWith(t, ctx, dir, args...)
}
