package runner

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"testing"
)

// TestConcurrentUpgrade: eight migrators, each with its own connection
// pool, upgrade the same database at once; each revision is applied once.
func TestConcurrentUpgrade(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		concurrentUpgrade(t, tg, u)
	})
}

// slow keeps the first revision busy long enough that every worker has
// planned it before the first one commits.
var slow = map[string]string{
	"sqlite":   "INSERT INTO t1 (id) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT i FROM n;",
	"postgres": "SELECT pg_sleep(0.3);",
	"mysql":    "SELECT SLEEP(0.3);",
}

func concurrentUpgrade(t *testing.T, tg target, u *url.URL) {
	var chain []rev
	for i := 1; i <= 5; i++ {
		r := rev{id: fmt.Sprintf("c%d", i), msg: fmt.Sprintf("table %d", i),
			up:   fmt.Sprintf("CREATE TABLE t%d (id INTEGER PRIMARY KEY);", i),
			down: fmt.Sprintf("DROP TABLE t%d;", i)}
		if i > 1 {
			r.parents = fmt.Sprintf("c%d", i-1)
		} else {
			r.up += "\n" + slow[tg.name]
		}
		chain = append(chain, r)
	}
	{
		// Bookkeeping tables first, so workers meet at the revisions.
		db := open(t, tg.d, u)
		for _, s := range tg.d.VersionTablesDDL() {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		g := graph(t, tg.split, files(chain...))
		const workers = 8
		var wg sync.WaitGroup
		applied := make([]int, workers)
		errs := make([]error, workers)
		for w := 0; w < workers; w++ {
			r := &Runner{DB: open(t, tg.d, u), Dialect: tg.d, Graph: g}
			wg.Add(1)
			go func() {
				defer wg.Done()
				done, err := r.Upgrade(context.Background(), "head")
				applied[w], errs[w] = len(done), err
			}()
		}
		wg.Wait()
		total := 0
		for w := range workers {
			if errs[w] != nil {
				t.Errorf("worker %d: %v", w, errs[w])
			}
			total += applied[w]
		}
		if total != len(chain) {
			t.Errorf("workers applied %d revisions in all, want %d", total, len(chain))
		}
		rows, err := db.Query("SELECT revision, COUNT(*) FROM retort_history GROUP BY revision")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		seen := 0
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			seen++
			if n != 1 {
				t.Errorf("revision %s applied %d times", id, n)
			}
		}
		if seen != len(chain) {
			t.Errorf("history names %d revisions, want %d", seen, len(chain))
		}
		mustCurrent(t, &Runner{DB: db, Dialect: tg.d, Graph: g}, "c5")
	}
}
