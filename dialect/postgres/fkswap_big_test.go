package postgres

import (
	"context"
	"database/sql"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestFKSwapBig measures the FK swap on a 1M-row table (RETORT_BENCH_BIG=1):
// how long the first transaction, which holds ACCESS EXCLUSIVE, lasts, and
// the worst insert latency of a concurrent writer, online (NOT VALID +
// deferred VALIDATE) against a plain validating add.
func TestFKSwapBig(t *testing.T) {
	if os.Getenv("RETORT_BENCH_BIG") != "1" {
		t.Skip("set RETORT_BENCH_BIG=1 to measure the FK swap on 1M rows")
	}
	db, _ := reflFresh(t, "")
	reflExec(t, db,
		"CREATE TABLE users (id bigint PRIMARY KEY)",
		"INSERT INTO users SELECT g FROM generate_series(1, 1000) g",
		"CREATE TABLE notes (id bigserial PRIMARY KEY, author_id bigint NOT NULL, body text NOT NULL)",
		"INSERT INTO notes (author_id, body) SELECT 1 + g % 1000, 'note ' || g FROM generate_series(1, 1000000) g",
		"ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id)",
		"ANALYZE")
	var body, deferred, worst [2]time.Duration
	for i, plain := range []bool{false, true} {
		live := reflReflect(t, db)
		from := live.Table("", "notes").ForeignKeys[0]
		to := *from
		to.OnDelete = map[bool]string{false: schema.Cascade, true: schema.NoAction}[plain]
		stmts, err := Dialect{}.Render([]op.Op{op.DropForeignKey{Table: op.Ref{Name: "notes"}, FK: from}, op.AddForeignKey{Table: op.Ref{Name: "notes"}, FK: &to}}, live, dialect.RenderOptions{PlainForeignKeys: plain})
		if err != nil {
			t.Fatal(err)
		}
		p := Dialect{}.Prepare(stmts)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			worst[i] = writer(t, db, stop)
		}()
		time.Sleep(200 * time.Millisecond) // the writer is running
		start := time.Now()
		runPlan(t, db, dialect.Plan{Body: p.Body})
		body[i] = time.Since(start)
		start = time.Now()
		if len(p.Deferred) > 0 {
			runPlan(t, db, dialect.Plan{Body: p.Deferred})
		}
		deferred[i] = time.Since(start)
		time.Sleep(200 * time.Millisecond)
		close(stop)
		wg.Wait()
		mode := map[bool]string{false: "online NOT VALID + VALIDATE", true: "plain validating add"}[plain]
		t.Logf("%s: exclusive transaction %v, deferred VALIDATE %v, worst concurrent insert %v", mode, body[i].Round(time.Millisecond), deferred[i].Round(time.Millisecond), worst[i].Round(time.Millisecond))
	}
	if body[0] >= body[1] {
		t.Errorf("online swap held its first transaction %v, not shorter than the plain add's %v", body[0], body[1])
	}
	if worst[0] >= worst[1] {
		t.Errorf("a writer waited up to %v during the online swap, not less than the %v of the plain add", worst[0], worst[1])
	}
}

// writer inserts rows one by one until stop and returns the slowest insert.
func writer(t *testing.T, db *sql.DB, stop chan struct{}) time.Duration {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Error(err)
		return 0
	}
	defer conn.Close()
	var worst time.Duration
	for {
		select {
		case <-stop:
			return worst
		default:
		}
		start := time.Now()
		if _, err := conn.ExecContext(ctx, "INSERT INTO notes (author_id, body) VALUES (1, 'concurrent')"); err != nil {
			t.Error(err)
			return worst
		}
		worst = max(worst, time.Since(start))
		time.Sleep(5 * time.Millisecond)
	}
}
