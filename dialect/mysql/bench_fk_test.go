package mysql

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

// BenchmarkFKActionChange1M (issue #15): changing only ON DELETE of a key
// on a 1M-row table, in place (orphan pre-check, then two metadata-only
// ALTERs) against the same two ALTERs copying the table, as before. It
// reports the ratio and the longest a concurrent writer waited for one
// INSERT on each path. Gated (about 2 minutes): RETORT_BENCH_BIG=1 go test
// -run '^$' -bench FKAction -benchtime 3x ./dialect/mysql/
func BenchmarkFKActionChange1M(b *testing.B) {
	if os.Getenv("RETORT_BENCH_BIG") != "1" {
		b.Skip("set RETORT_BENCH_BIG=1 to run the 1M-row foreign-key benchmark")
	}
	db, u := freshDB(b)
	plainSrc := strings.Replace(usersNotes, "%s", "", 1)
	schematest.Exec(b, db, renderDiff(b, nil, loadDesired(b, u, plainSrc))...)
	fillNotes(b, db, 1_000_000)
	schematest.Exec(b, db, "ANALYZE TABLE notes")
	plain := loadDesired(b, u, plainSrc)
	cascade := loadDesired(b, u, strings.Replace(usersNotes, "%s", " ON DELETE CASCADE", 1))
	render := func(to bool) dialect.Plan {
		want := cascade
		if !to {
			want = plain
		}
		live := schematest.Reflect(b, Dialect{}, db)
		_, stmts := schematest.Migration(b, Dialect{}, live, want, diffOpts)
		return Dialect{}.Prepare(stmts)
	}
	run := func(p dialect.Plan, copyPath bool) (time.Duration, time.Duration) {
		w := startWriter(b, u)
		time.Sleep(20 * time.Millisecond)
		start := time.Now()
		if !copyPath {
			for _, q := range p.PreChecks {
				if n := schematest.Count(b, db, "SELECT COUNT(*) FROM ("+q+") AS x"); n != 0 {
					b.Fatalf("pre-check found %d orphans", n)
				}
			}
		}
		checked := time.Now()
		defer func() {
			b.Logf("pre-check %v, ALTERs %v; longest INSERT began %v after the ALTERs began",
				checked.Sub(start), time.Since(checked), w.longestAt.Sub(checked))
		}()
		for _, s := range p.Body {
			if copyPath {
				s = strings.TrimSuffix(strings.TrimPrefix(s, inPlacePrefix), ", ALGORITHM=NOCOPY, LOCK=NONE")
			}
			schematest.Exec(b, db, s)
		}
		took := time.Since(start)
		time.Sleep(20 * time.Millisecond)
		return took, w.finish(b)
	}
	forward := true
	var inPlace, inPlaceWait time.Duration
	n := 0
	for b.Loop() {
		p := render(forward)
		if len(p.PreChecks) == 0 || !strings.HasPrefix(p.Body[0], inPlacePrefix) {
			b.Fatalf("not the in-place path: %q", p.Body)
		}
		took, wait := run(p, false)
		inPlace += took
		inPlaceWait = max(inPlaceWait, wait)
		n++
		forward = !forward
	}
	b.StopTimer()
	copyTook, copyWait := run(render(forward), true)
	avg := inPlace / time.Duration(n)
	b.ReportMetric(float64(avg.Milliseconds()), "inplace-ms")
	b.ReportMetric(float64(copyTook.Milliseconds()), "copy-ms")
	b.ReportMetric(float64(avg)/float64(copyTook), "ratio")
	b.ReportMetric(float64(inPlaceWait.Milliseconds()), "inplace-max-insert-ms")
	b.ReportMetric(float64(copyWait.Milliseconds()), "copy-max-insert-ms")
	b.Logf("1M rows: in place %v (writer waited at most %v), copy %v (writer waited at most %v): ratio %.4f",
		avg, inPlaceWait, copyTook, copyWait, float64(avg)/float64(copyTook))
}

// writer inserts valid notes until finish and records the longest INSERT.
type writer struct {
	stop      chan struct{}
	wg        sync.WaitGroup
	longest   time.Duration
	longestAt time.Time
	err       error
}

func startWriter(b *testing.B, u *url.URL) *writer {
	db, err := Dialect{}.Open(context.Background(), u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	w := &writer{stop: make(chan struct{})}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		for id := 60_000_000 + int(time.Now().UnixNano()%1_000_000)*100; ; id++ {
			select {
			case <-w.stop:
				return
			default:
			}
			t0 := time.Now()
			_, err := db.Exec("INSERT INTO notes (id, author_id, body) VALUES (?, 1, 'w')", id)
			if d := time.Since(t0); d > w.longest {
				w.longest, w.longestAt = d, t0
			}
			if err != nil {
				w.err = fmt.Errorf("writer: %w", err)
				return
			}
		}
	}()
	return w
}

func (w *writer) finish(b *testing.B) time.Duration {
	close(w.stop)
	w.wg.Wait()
	if w.err != nil {
		b.Fatal(w.err)
	}
	return w.longest
}
