package retort_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The cache serves an unchanged set of schema files without loading them
// again, and misses as soon as a file changes.
func TestDesiredCache(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	m, err := retort.Open(ctx, testdb.Postgres(t).String(), fstest.MapFS{}, retort.Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE users (id bigint PRIMARY KEY);"}}
	first, err := m.Desired(ctx, files, "")
	if err != nil || len(first.Tables) != 1 || first.Tables[0].Name != "users" {
		t.Fatalf("first load: %v %v", first, err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "desired-*.json"))
	if len(entries) != 1 {
		t.Fatalf("cache entries after one load: %v", entries)
	}
	// Mark the cached copy: a hit returns the mark, a load would not.
	data, _ := os.ReadFile(entries[0])
	if err := os.WriteFile(entries[0], []byte(strings.Replace(string(data), `"users"`, `"cached_users"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	hit, err := m.Desired(ctx, files, "")
	if err != nil || hit.Tables[0].Name != "cached_users" {
		t.Fatalf("second load did not come from the cache: %v %v", hit.Tables[0].Name, err)
	}
	files[0].SQL += "\nCREATE TABLE notes (id bigint PRIMARY KEY);"
	miss, err := m.Desired(ctx, files, "")
	if err != nil || len(miss.Tables) != 2 {
		t.Fatalf("changed file served from the cache: %v %v", miss, err)
	}
	// A corrupt entry is ignored, not trusted.
	if err := os.WriteFile(entries[0], []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	files[0].SQL = "CREATE TABLE users (id bigint PRIMARY KEY);"
	again, err := m.Desired(ctx, files, "")
	if err != nil || again.Tables[0].Name != "users" {
		t.Fatalf("corrupt cache entry: %v %v", again, err)
	}
}
