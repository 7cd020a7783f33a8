package retort

import (
	"context"
	"errors"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// liveAndDesired reflects the live database while the desired schema
// loads: the load runs on connections of its own (a scratch database;
// keying the cache asks the live pool only for the server version), and
// on a server it takes seconds. A failure of either cancels the other; the error reported is
// the one that is not that cancellation, the live database's first when
// both failed on their own, as when they ran one after the other.
func (m *Migrator) liveAndDesired(ctx context.Context, files []dialect.SourceFile) (live, want *schema.Schema, err error) {
	if m.db != nil && m.opts.CacheDir != "" {
		// Read before the reflection holds the pool's idle connection, so
		// keying the cache does not open a second one (on SQLite each
		// parses the whole schema; on a server each is a new session).
		if v, err := dialect.EngineVersion(ctx, m.d, m.db); err == nil {
			ctx = context.WithValue(ctx, engineVersionKey{}, v)
		}
	}
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	var liveErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if live, liveErr = m.Inspect(inner); liveErr != nil {
			cancel()
		}
	}()
	want, err = m.load(inner, files)
	if err != nil {
		cancel()
	}
	<-done
	switch {
	case liveErr != nil && err != nil && ctx.Err() == nil && errors.Is(liveErr, context.Canceled):
		return nil, nil, err
	case liveErr != nil:
		return nil, nil, liveErr
	case err != nil:
		return nil, nil, err
	}
	return live, want, nil
}
