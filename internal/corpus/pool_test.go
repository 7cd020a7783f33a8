package corpus

import (
	"context"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect/postgres"
)

// dbPool lends databases to the cases of one dialect's run and empties
// each after its case, instead of a database per case: PostgreSQL's DROP
// DATABASE waits for a checkpoint (about a second), which made that the
// corpus's main cost. A database whose emptying fails is not lent again.
type dbPool struct {
	owner testing.TB // the dialect's test: it drops the databases at its end
	fresh func(testing.TB) *url.URL
	empty func(ctx context.Context, u *url.URL) error

	mu   sync.Mutex
	free []*url.URL
}

// get lends t a database, empty but for what a new database holds.
func (p *dbPool) get(t testing.TB) *url.URL {
	p.mu.Lock()
	var u *url.URL
	if n := len(p.free); n > 0 {
		u, p.free = p.free[n-1], p.free[:n-1]
	}
	p.mu.Unlock()
	if u == nil {
		// Emptied once before its first case too, so that every lent
		// database has the same remade public schema.
		u = p.fresh(ownedBy{TB: t, owner: p.owner})
		if err := p.empty(context.Background(), u); err != nil {
			t.Fatalf("emptying new pooled database %s: %v", u.Path, err)
		}
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := p.empty(ctx, u); err != nil {
			t.Errorf("emptying pooled database %s: %v", u.Path, err)
			return
		}
		p.mu.Lock()
		p.free = append(p.free, u)
		p.mu.Unlock()
	})
	return u
}

// ownedBy reports to the case's test but leaves the database's drop to
// the owner, when the whole run ends.
type ownedBy struct {
	testing.TB
	owner testing.TB
}

func (o ownedBy) Cleanup(f func()) { o.owner.Cleanup(f) }

// emptyPostgres drops every schema (public too, made again), extension
// and event trigger: all a case can create that a fresh database lacks,
// short of roles and databases, which are the server's.
func emptyPostgres(ctx context.Context, u *url.URL) error {
	db, err := postgres.Dialect{}.Open(ctx, u)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, `DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT evtname FROM pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
  END LOOP;
  FOR r IN SELECT pubname FROM pg_publication LOOP
    EXECUTE format('DROP PUBLICATION %I', r.pubname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  CREATE SCHEMA public;
END $$`)
	return err
}
