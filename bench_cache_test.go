package retort

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
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

// BenchSchemaSQL is benchSchemaSQL for the benchmarks of package
// retort_test.
var BenchSchemaSQL = benchSchemaSQL

// benchSQLiteProject writes an n-table schema.sql into a new directory and
// an SQLite database app.db holding exactly those tables.
func benchSQLiteProject(b *testing.B, n int) (dir string, files []dialect.SourceFile) {
	b.Helper()
	dir = b.TempDir()
	ddl := benchSchemaSQL(n)
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(ddl), 0o600); err != nil {
		b.Fatal(err)
	}
	files = []dialect.SourceFile{{Name: "schema.sql", SQL: ddl}}
	m, err := Open(context.Background(), "sqlite://"+filepath.Join(dir, "app.db"), nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	conn, err := m.DB().Conn(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for _, f := range files {
		if err := dialect.ExecFile(context.Background(), m.Dialect(), conn, f); err != nil {
			b.Fatal(err)
		}
	}
	return dir, files
}

// sqlite3Floor returns a function timing the sqlite3 CLI executing the
// schema file into an in-memory database: what loading it costs at the
// least, with no Go, no driver and no reflection. nil when there is no
// sqlite3.
func sqlite3Floor(b *testing.B, schemaFile string) func() time.Duration {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Logf("no sqlite3 CLI on PATH (apt-get install -y sqlite3), so no ratio to the floor: %v", err)
		return nil
	}
	return func() time.Duration {
		cmd := exec.Command(bin, ":memory:", ".read "+schemaFile)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil || len(out) != 0 {
			b.Fatalf("sqlite3 %s: %v %s", schemaFile, err, out)
		}
		return time.Since(start)
	}
}

// BenchmarkCachedCheckSQLite measures a repeated `retort check` of an
// SQLite database that matches its schema file, the desired schema coming
// from the cache as in a new process (build identity recomputed, database
// opened, revisions and live schema read), against the floor of loading
// the file with the sqlite3 CLI (target: <= 0.5x at 500 and 2000 tables).
// Each iteration runs both, in alternating order, so a busy machine slows
// both alike; the floor is left out of ns/op.
func BenchmarkCachedCheckSQLite(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) {
			ctx := context.Background()
			dir, files := benchSQLiteProject(b, n)
			floor := sqlite3Floor(b, filepath.Join(dir, "schema.sql"))
			cache := b.TempDir()
			url := "sqlite://" + filepath.Join(dir, "app.db")
			check := func() time.Duration {
				start := time.Now()
				buildIDs.Clear() // as in a new process
				m, err := Open(ctx, url, fstest.MapFS{}, Options{CacheDir: cache})
				if err != nil {
					b.Fatal(err)
				}
				defer m.Close()
				rep, err := m.Check(ctx, files, "")
				if err != nil || !rep.Clean() {
					b.Fatalf("check: %+v %v", rep, err)
				}
				return time.Since(start)
			}
			check() // fills the cache
			var checks, floors time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if floor != nil && i%2 == 0 {
					b.StopTimer()
					floors += floor()
					b.StartTimer()
				}
				checks += check()
				if floor != nil && i%2 == 1 {
					b.StopTimer()
					floors += floor()
					b.StartTimer()
				}
			}
			if floor != nil {
				b.ReportMetric(float64(floors.Microseconds())/1000/float64(b.N), "floor-ms")
				b.ReportMetric(float64(checks)/float64(floors), "x-floor")
			}
		})
	}
}

// BenchmarkDesiredCacheHit measures what a cache hit costs a new process
// on a 500-table schema, before (the whole executable hashed for the key,
// the schema decoded from JSON) and after (build information or the
// memoized executable hash, gob with checksums), by part and whole.
func BenchmarkDesiredCacheHit(b *testing.B) {
	ctx := context.Background()
	dir, files := benchSQLiteProject(b, 500)
	cache := b.TempDir()
	m, err := Open(ctx, "sqlite://"+filepath.Join(dir, "app.db"), nil, Options{CacheDir: cache})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	s, err := m.Desired(ctx, files, "") // fills the cache
	if err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	jsonData, err := json.Marshal(s)
	if err != nil {
		b.Fatal(err)
	}
	key, err := m.desiredKey(ctx, files, "")
	if err != nil {
		b.Fatal(err)
	}
	entry, err := encodeEntry(key, s)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("executable %.1f MB; entry %d KB JSON, %d KB gob", mib(exe), len(jsonData)>>10, len(entry)>>10)

	b.Run("before/sha256-executable", func(b *testing.B) {
		for b.Loop() {
			if _, err := hashFile(exe); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("before/json-decode", func(b *testing.B) {
		for b.Loop() {
			var s schema.Schema
			if err := json.Unmarshal(jsonData, &s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("before/hit", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "desired.json")
		if err := os.WriteFile(path, jsonData, 0o600); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			oldHit(b, m, exe, path, files)
		}
	})
	b.Run("after/build-info", func(b *testing.B) {
		for b.Loop() {
			if bi, ok := debug.ReadBuildInfo(); !ok {
				b.Fatal("no build information")
			} else {
				_, _ = vcsBuildIdentity(bi)
				_ = bi.String()
			}
		}
	})
	b.Run("after/memoized-executable-hash", func(b *testing.B) {
		for b.Loop() {
			if _, err := cachedExecutableHash(cache); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("after/gob-decode+verify", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeEntry(entry, key); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("after/hit", func(b *testing.B) {
		for b.Loop() {
			buildIDs.Clear() // as in a new process
			got, err := m.Desired(ctx, files, "")
			if err != nil || len(got.Tables) != 500 {
				b.Fatal(err)
			}
		}
	})
}

// oldHit is the cache hit of the previous format: key over the SHA-256 of
// the executable, the version and the files, then the JSON entry decoded.
func oldHit(b *testing.B, m *Migrator, exe, path string, files []dialect.SourceFile) {
	sum, err := hashFile(exe)
	if err != nil {
		b.Fatal(err)
	}
	version, err := dialect.EngineVersion(context.Background(), m.d, m.db)
	if err != nil {
		b.Fatal(err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "retort desired v1\x00%s\x00%s\x00%s\x00", sum, m.d.Name(), version)
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s\x00%d:%s\x00", len(f.Name), f.Name, len(f.SQL), f.SQL)
	}
	_ = hex.EncodeToString(h.Sum(nil))
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var s schema.Schema
	if err := json.Unmarshal(data, &s); err != nil || len(s.Tables) != 500 {
		b.Fatal(err)
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now)
}

func mib(path string) float64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return float64(st.Size()) / (1 << 20)
}
