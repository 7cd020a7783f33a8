package retort

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The PostgreSQL scratch load takes the target's search_path, which a
// database or role setting changes with no change to the URL: such a
// change must miss the cache, not serve the schema loaded under the old
// path.
func TestDesiredCacheKeysOnSearchPathSetting(t *testing.T) {
	ctx := context.Background()
	u := testdb.Postgres(t)
	cache := t.TempDir()
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE accounts (id int PRIMARY KEY);"}}
	load := func() (tableSchema string) {
		t.Helper()
		m, err := Open(ctx, u.String(), fstest.MapFS{}, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		s, err := m.DesiredSchema(ctx, SQLFiles(files))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Tables) != 1 {
			t.Fatalf("desired schema has %d tables, want 1", len(s.Tables))
		}
		return s.Tables[0].Schema
	}
	if got := load(); got != "" {
		t.Fatalf("with the default path accounts is in %q, want the first schema (\"\")", got)
	}
	db := strings.TrimPrefix(u.Path, "/")
	m, err := Open(ctx, u.String(), fstest.MapFS{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.db.ExecContext(ctx, "ALTER DATABASE "+pgQuoteIdent(db)+" SET search_path = public, app"); err != nil {
		t.Fatal(err)
	}
	m.Close()
	// The new path's first schema is still public, but the desired schema
	// now also holds app (created for the load): a stale entry would not.
	m2, err := Open(ctx, u.String(), fstest.MapFS{}, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	s, err := m2.DesiredSchema(ctx, SQLFiles(files))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cacheEntries(t, cache)); n != 2 {
		t.Fatalf("cache entries after the database's search_path changed: %d, want 2 (a miss)", n)
	}
	found := false
	for _, o := range s.Objects {
		found = found || o.Kind == "schema" && o.Name == "app"
	}
	if !found {
		t.Fatalf("desired schema loaded after SET search_path = public, app has no schema app: %v", s.Objects)
	}
}

func pgQuoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
