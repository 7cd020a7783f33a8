package retort_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/sqlsplit"
)

// benchMigrator returns a migrator on a database (url) holding n tables,
// and the desired-schema file describing exactly them.
func benchMigrator(b *testing.B, url string, n int) (*retort.Migrator, retort.SQLFiles) {
	b.Helper()
	ddl := schematest.AppTablesSQL(n)
	ctx := context.Background()
	m, err := retort.Open(ctx, url, fstest.MapFS{}, retort.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	d, err := retort.DialectOf(url)
	if err != nil {
		b.Fatal(err)
	}
	stmts, err := sqlsplit.SplitWith(ddl, d.SplitOptions())
	if err != nil {
		b.Fatal(err)
	}
	tx, err := retort.DBOf(m).BeginTx(ctx, nil)
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
	return m, retort.SQLFiles{{Name: "schema.sql", SQL: ddl}}
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
	want, err := m.DesiredSchema(ctx, files)
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
			ops, err := m.Diff(ctx, files)
			if err != nil || len(ops) != 0 {
				b.Fatalf("ops %v, err %v", ops, err)
			}
		}
	})
	cached, err := retort.Open(ctx, url, fstest.MapFS{}, retort.Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer cached.Close()
	if _, err := cached.Diff(ctx, files); err != nil { // fills the cache
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("cached-load+reflect+diff/tables=%d", n), func(b *testing.B) {
		for b.Loop() {
			ops, err := cached.Diff(ctx, files)
			if err != nil || len(ops) != 0 {
				b.Fatalf("ops %v, err %v", ops, err)
			}
		}
	})
}
