package reliability

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// independentChain is n revisions e0000000000i, each creating its own
// table ti: every revision succeeds whatever else exists, so only the
// migration lock keeps an upgrade and a downgrade from interleaving and
// recording a head whose tables are missing.
func independentChain(t *testing.T, work string, n int) chain {
	t.Helper()
	files := map[string]string{}
	c := chain{dir: filepath.Join(work, "migrations")}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("e%011d", i)
		parents := ""
		if i > 1 {
			parents = "-- retort:parents " + c.order[i-2] + "\n"
		}
		files[filepath.Join("migrations", id+".sql")] = fmt.Sprintf(`-- retort:revision %s
%s-- +upgrade
CREATE TABLE t%02d (id INTEGER NOT NULL PRIMARY KEY);
-- +downgrade
DROP TABLE t%02d;
`, id, parents, i, i)
		c.order = append(c.order, id)
	}
	writeFiles(t, work, files)
	return c
}

// TestUpgradeDowngradeRaceSQLite runs `retort upgrade head` and `retort
// downgrade base` at the same moment on one SQLite file, from the middle
// of the chain; whichever wins, retort_version must name exactly the
// revisions whose tables exist.
func TestUpgradeDowngradeRaceSQLite(t *testing.T) {
	const n, rounds = 12, 8
	work := tempDir(t)
	c := independentChain(t, work, n)
	failures, upFirst := 0, 0
	for round := range rounds {
		tg := sqliteTarget(filepath.Join(work, fmt.Sprintf("race%d.sqlite", round)))
		mustRun(t, work, args(tg, c, "upgrade", c.order[n/2-1])...)
		var up, down result
		var wg sync.WaitGroup
		start := make(chan struct{})
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			up = runCtx(t, context.Background(), work, args(tg, c, "upgrade", "head")...)
		}()
		go func() {
			defer wg.Done()
			<-start
			down = runCtx(t, context.Background(), work, args(tg, c, "downgrade", "base")...)
		}()
		close(start)
		wg.Wait()

		var problems []string
		if up.code != 0 {
			problems = append(problems, "upgrade head: "+up.String())
		}
		if down.code != 0 {
			problems = append(problems, "downgrade base: "+down.String())
		}
		heads, err := current(t, work, tg, c)
		idx := -2
		if err == nil {
			idx, err = c.index(heads)
		}
		if err != nil {
			problems = append(problems, err.Error())
		}
		var want []string
		for i := 0; i <= idx; i++ {
			want = append(want, fmt.Sprintf("t%02d", i+1))
		}
		db := tg.open(t)
		if idx == -1 {
			upFirst++ // the downgrade ran last
		}
		if got := tg.tables(t, db); idx >= -1 && !slices.Equal(got, want) {
			problems = append(problems, fmt.Sprintf("retort_version says %v but the tables are %v", heads, got))
		}
		db.Close()
		if len(problems) > 0 {
			failures++
			t.Errorf("round %d: %v", round, problems)
		}
	}
	t.Logf("RELIABILITY upgrade/downgrade race sqlite: rounds=%d failures=%d (upgrade first %d, downgrade first %d)", rounds, failures, upFirst, rounds-upFirst)
}

// TestLockTimeoutPostgres: while another session holds the migration
// lock, `retort upgrade` reports who holds it and, after lock_timeout or
// --lock-timeout, fails with exit 3 having changed nothing; once the lock
// is free it migrates.
func TestLockTimeoutPostgres(t *testing.T) {
	tg := serverTarget(t, "postgres")
	d, err := dialect.ByName("postgres")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db := tg.open(t)
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, "SET application_name = 'lock-holder'"); err != nil {
		t.Fatal(err)
	}
	var pid int
	if err := holder.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	unlock, err := d.Lock(ctx, holder, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, config string
		flags        []string
	}{
		{"lock_timeout in the config", `lock_timeout = "1s"`, nil},
		{"--lock-timeout over the config", `lock_timeout = "1h"`, []string{"--lock-timeout", "1s"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work := tempDir(t)
			c := independentChain(t, work, 2)
			writeFiles(t, work, map[string]string{"retort.toml": tc.config + "\n"})
			start := time.Now()
			r := run(t, work, append(tc.flags, args(tg, c, "upgrade", "head")...)...)
			took := time.Since(start)
			t.Logf("stderr:\n%s", r.stderr)
			waiting := fmt.Sprintf("waiting for the migration lock: held by pid %d (lock-holder, user ", pid)
			failed := fmt.Sprintf("retort: taking the migration lock failed: timed out waiting for the migration lock after 1s; it is held by pid %d (lock-holder", pid)
			if r.code != 3 || !strings.Contains(r.stderr, waiting) || !strings.Contains(r.stderr, failed) {
				t.Errorf("want exit 3 with %q and %q, got %s", waiting, failed, r)
			}
			if took < time.Second || took > 20*time.Second {
				t.Errorf("retort gave up after %v, want about 1s", took)
			}
			if got := tg.tables(t, db); len(got) != 0 {
				t.Errorf("retort created %v without the lock", got)
			}
		})
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	work := tempDir(t)
	c := independentChain(t, work, 2)
	mustRun(t, work, append([]string{"--lock-timeout", "1s"}, args(tg, c, "upgrade", "head")...)...)
}
