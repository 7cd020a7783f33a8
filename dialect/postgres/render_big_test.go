package postgres

import (
	"context"
	"database/sql"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestRenderFKSwapBig measures the online FK swap on a 1M-row notes
// table: how long the first transaction (drop + ADD ... NOT VALID) holds
// ACCESS EXCLUSIVE, and how many inserts a concurrent writer completes
// while VALIDATE scans. The plain validating ADD is measured the same way
// for contrast. Gated: RETORT_BENCH_BIG=1.
func TestRenderFKSwapBig(t *testing.T) {
	if os.Getenv("RETORT_BENCH_BIG") != "1" {
		t.Skip("set RETORT_BENCH_BIG=1 to run the 1M-row FK swap measurement")
	}
	db := renderOpen(t)
	db.SetMaxOpenConns(4)
	cur := renderUsersNotes()
	stmts, err := Dialect{}.Render([]op.Op{op.CreateTable{Table: cur.Tables[0]}, op.CreateTable{Table: cur.Tables[1]}}, nil, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	renderRun(t, db, stmts)
	start := time.Now()
	for _, q := range []string{
		`INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 1000) g`,
		`INSERT INTO notes (author_id, body) SELECT 1 + g % 1000, 'note ' || g FROM generate_series(1, 1000000) g`,
		`ANALYZE users`, `ANALYZE notes`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("loaded 1M notes in %v", time.Since(start).Round(time.Millisecond))

	notes := op.Ref{Name: "notes"}
	swap := func(from, to schema.FKAction, plain bool) []string {
		s, err := Dialect{}.Render([]op.Op{
			op.DropForeignKey{Table: notes, FK: renderNoteFK(from)},
			op.AddForeignKey{Table: notes, FK: renderNoteFK(to)},
		}, schematest.Reflect(t, Dialect{}, db), dialect.RenderOptions{PlainForeignKeys: plain})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	online := renderBigMeasure(t, db, swap("", schema.Cascade, false))
	t.Logf("online swap: first tx (ACCESS EXCLUSIVE) %v; VALIDATE %v with %d concurrent inserts (max insert latency %v)",
		online.body, online.deferred, online.inserts, online.maxLatency)
	plainM := renderBigMeasure(t, db, swap(schema.Cascade, "", true))
	t.Logf("plain swap: one tx %v with %d concurrent inserts (max insert latency %v)",
		plainM.body, plainM.inserts, plainM.maxLatency)
	if online.inserts == 0 {
		t.Errorf("the writer completed no insert during VALIDATE: it was blocked")
	}
}

type renderBigResult struct {
	body, deferred, maxLatency time.Duration
	inserts                    int64
}

// renderBigMeasure runs a plan like the runner (Body tx, then Deferred tx)
// while a writer inserts notes one by one; inserts are counted during the
// phase that scans the table (Deferred, or Body when there is none).
func renderBigMeasure(t *testing.T, db *sql.DB, stmts []string) renderBigResult {
	p := Dialect{}.Prepare(stmts)
	var counting atomic.Bool
	var inserts, maxLat atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			t0, during := time.Now(), counting.Load()
			_, err := db.ExecContext(context.Background(), `INSERT INTO notes (author_id, body) VALUES (2, 'w')`)
			lat := time.Since(t0)
			if err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			// An insert that started during the phase counts, so one
			// blocked until COMMIT shows up in maxLatency.
			if during {
				inserts.Add(1)
				if int64(lat) > maxLat.Load() {
					maxLat.Store(int64(lat))
				}
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	run := func(part []string) time.Duration {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for _, s := range part {
			if _, err := tx.Exec(s); err != nil {
				tx.Rollback()
				t.Fatalf("%s: %v", s, err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	var r renderBigResult
	if len(p.Deferred) == 0 {
		counting.Store(true)
	}
	r.body = run(p.Body)
	if len(p.Deferred) > 0 {
		counting.Store(true)
		r.deferred = run(p.Deferred)
	}
	counting.Store(false)
	close(stop)
	wg.Wait()
	r.inserts = inserts.Load()
	r.maxLatency = time.Duration(maxLat.Load()).Round(time.Millisecond)
	r.body = r.body.Round(100 * time.Microsecond)
	r.deferred = r.deferred.Round(time.Millisecond)
	return r
}
