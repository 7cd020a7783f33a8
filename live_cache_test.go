package retort

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

func liveEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(dir, "live-*"))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// On SQLite, Inspect serves an unchanged database's schema from the cache
// (the same as reflecting it), and sees any change to the schema made
// behind the Migrator's back at once.
func TestLiveCacheSQLite(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	path := filepath.Join(t.TempDir(), "app.db")
	m, err := Open(ctx, "sqlite://"+path, fstest.MapFS{}, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := dialect.ExecFile(ctx, m.d, m.db, dialect.SourceFile{Name: "schema.sql", SQL: cacheSchemas["sqlite"]}); err != nil {
		t.Fatal(err)
	}
	fresh, err := m.d.Reflect(ctx, m.db)
	if err != nil {
		t.Fatal(err)
	}
	first, err := m.Inspect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	noChanges(t, fresh, first)
	entries := liveEntries(t, cache)
	if len(entries) != 1 {
		t.Fatalf("live entries after one inspection: %v", entries)
	}
	before := statFile(t, entries[0])
	hit, err := m.Inspect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, statFile(t, entries[0])) {
		t.Fatal("second inspection rewrote the entry instead of using it")
	}
	noChanges(t, fresh, hit)
	if hit == first {
		t.Fatal("the cache returned an earlier caller's schema, which that caller may change")
	}

	// Another Migrator without a cache, as another process would, changes
	// a table.
	other, err := Open(ctx, "sqlite://"+path, fstest.MapFS{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.db.ExecContext(ctx, "ALTER TABLE notes ADD COLUMN extra TEXT"); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Inspect(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(liveEntries(t, cache)); n != 1 {
		t.Fatalf("live entries after an inspection without a cache directory: %d", n)
	}
	changed, err := m.Inspect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if tb := changed.Table("", "notes"); tb == nil || tb.Column("extra") == nil {
		t.Fatal("the column another connection added was not seen: a stale entry was used")
	}
	if n := len(liveEntries(t, cache)); n != 2 {
		t.Fatalf("live entries after a change: %d", n)
	}
}

// A check of an SQLite database through the cache reads the engine
// version for the cache key before the live reflection takes the pool's
// connection, so it opens no second one (each would parse the whole
// schema again). The caches start empty, so the reflection is long enough
// for the key to be wanted while it runs.
func TestLiveAndDesiredOneConnection(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "app.db")
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: schematest.AppTablesSQL(200)}}
	setup, err := Open(ctx, "sqlite://"+path, fstest.MapFS{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := dialect.ExecFile(ctx, setup.d, setup.db, files[0]); err != nil {
		t.Fatal(err)
	}
	setup.Close()
	for range 3 {
		m, err := Open(ctx, "sqlite://"+path, fstest.MapFS{}, Options{CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		live, want, err := m.liveAndDesired(ctx, files)
		if err != nil {
			t.Fatal(err)
		}
		noChanges(t, want, live)
		if n := m.db.Stats().OpenConnections; n != 1 {
			t.Fatalf("a check through the cache opened %d connections, want 1", n)
		}
		m.Close()
	}
}
