package retort

import (
	"context"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// liveAndDesired reflects the live database while the desired schema
// loads: the load runs on connections of its own (a scratch database;
// keying the cache asks the live pool only for the server version), and
// on a server it takes seconds. A failure of either cancels the other;
// the error reported is the first failure, never the other's
// cancellation.
func (m *Migrator) liveAndDesired(ctx context.Context, files []dialect.SourceFile) (live, want *schema.Schema, err error) {
	if m.db != nil && m.opts.CacheDir != "" {
		// Read before the reflection holds the pool's idle connection, so
		// keying the cache does not open a second one (on SQLite each
		// parses the whole schema; on a server each is a new session).
		if v, err := dialect.LoadKey(ctx, m.d, m.db); err == nil {
			ctx = context.WithValue(ctx, loadKeyCtx{}, v)
		}
	}
	err = bothOrFirstFailure(ctx,
		func(ctx context.Context) (err error) { live, err = m.Inspect(ctx); return err },
		func(ctx context.Context) (err error) { want, err = m.load(ctx, files); return err })
	if err != nil {
		return nil, nil, err
	}
	return live, want, nil
}

// bothOrFirstFailure runs live beside load (on this goroutine) and
// returns the error of the one that failed first; its failure cancels
// the other, whose error is then a consequence. Drivers do not all
// report that as context.Canceled (go-sql-driver/mysql can answer
// "bad connection" when a query is interrupted), so the order of the
// failures decides, not the error's kind.
func bothOrFirstFailure(ctx context.Context, live, load func(context.Context) error) error {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		cancel()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := live(inner); err != nil {
			fail(err)
		}
	}()
	if err := load(inner); err != nil {
		fail(err)
	}
	<-done
	return first
}
