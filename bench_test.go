package retort_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/sqlsplit"
)

// benchSchemaSQL is n tables shaped like an application's: a primary key,
// six columns, a unique, a check, an index and one or two foreign keys.
func benchSchemaSQL(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "CREATE TABLE t%04d (\n  id INTEGER PRIMARY KEY,\n  code TEXT NOT NULL UNIQUE,\n  qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),\n  note TEXT,\n  created_at TEXT NOT NULL DEFAULT 'now'", i)
		if i > 0 {
			fmt.Fprintf(&b, ",\n  parent_id INTEGER REFERENCES t%04d (id) ON DELETE CASCADE", i-1)
		}
		if i > 1 {
			fmt.Fprintf(&b, ",\n  other_id INTEGER REFERENCES t%04d (id) ON DELETE SET NULL", i/2)
		}
		b.WriteString("\n);\n")
		fmt.Fprintf(&b, "CREATE INDEX t%04d_created_idx ON t%04d (created_at DESC);\n", i, i)
	}
	return b.String()
}

// benchMigrator returns a migrator on a database (url) holding n tables,
// and the desired-schema file describing exactly them.
func benchMigrator(b *testing.B, url string, n int) (*retort.Migrator, []dialect.SourceFile) {
	b.Helper()
	ddl := benchSchemaSQL(n)
	ctx := context.Background()
	m, err := retort.Open(ctx, url, fstest.MapFS{}, retort.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	stmts, err := sqlsplit.SplitWith(ddl, dialect.SplitOptionsOf(m.Dialect()))
	if err != nil {
		b.Fatal(err)
	}
	tx, err := m.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s.SQL); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return m, []dialect.SourceFile{{Name: "schema.sql", SQL: ddl}}
}

// BenchmarkNoChangeSQLite measures what `retort check` spends on a schema
// that matches: reflect the live database and diff it against the desired
// schema (reflected once, outside the loop), and the full path including
// loading the schema file into an in-memory database.
func BenchmarkNoChangeSQLite(b *testing.B) {
	for _, n := range []int{500, 2000} {
		benchNoChange(b, "sqlite://"+filepath.Join(b.TempDir(), "bench.db"), n)
	}
}

// BenchmarkNoChangePostgres is the same on PostgreSQL, where the desired
// schema goes into a scratch database that retort creates and drops.
func BenchmarkNoChangePostgres(b *testing.B) {
	benchNoChange(b, testdb.Postgres(b).String(), 500)
}

func benchNoChange(b *testing.B, url string, n int) {
	ctx := context.Background()
	m, files := benchMigrator(b, url, n)
	want, err := m.Desired(ctx, files, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("reflect+diff/tables=%d", n), func(b *testing.B) {
		for b.Loop() {
			live, err := m.Inspect(ctx)
			if err != nil {
				b.Fatal(err)
			}
			ops, err := diff.Schemas(live, want, diff.Options{})
			if err != nil || len(ops) != 0 {
				b.Fatalf("ops %v, err %v", ops, err)
			}
		}
	})
	b.Run(fmt.Sprintf("load+reflect+diff/tables=%d", n), func(b *testing.B) {
		for b.Loop() {
			ops, err := m.Diff(ctx, files, "")
			if err != nil || len(ops) != 0 {
				b.Fatalf("ops %v, err %v", ops, err)
			}
		}
	})
	if dialect.TraitsOf(m.Dialect()).EmbeddedScratch {
		return // the desired-schema cache is for server dialects
	}
	cached, err := retort.Open(ctx, url, fstest.MapFS{}, retort.Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer cached.Close()
	if _, err := cached.Diff(ctx, files, ""); err != nil { // fills the cache
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("cached-load+reflect+diff/tables=%d", n), func(b *testing.B) {
		for b.Loop() {
			ops, err := cached.Diff(ctx, files, "")
			if err != nil || len(ops) != 0 {
				b.Fatalf("ops %v, err %v", ops, err)
			}
		}
	})
}
