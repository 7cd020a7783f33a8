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
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// benchSQLiteProject writes an n-table schema.sql into a new directory and
// an SQLite database app.db holding exactly those tables.
func benchSQLiteProject(b *testing.B, n int) (dir string, files []dialect.SourceFile) {
	b.Helper()
	dir = b.TempDir()
	ddl := schematest.AppTablesSQL(n)
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(ddl), 0o600); err != nil {
		b.Fatal(err)
	}
	files = []dialect.SourceFile{{Name: "schema.sql", SQL: ddl}}
	m, err := Open(context.Background(), "sqlite://"+filepath.Join(dir, "app.db"), nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	conn, err := m.db.Conn(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for _, f := range files {
		if err := dialect.ExecFile(context.Background(), m.d, conn, f); err != nil {
			b.Fatal(err)
		}
	}
	return dir, files
}

// benchRun runs a process and returns its wall and CPU (user + system)
// time.
func benchRun(b *testing.B, cmd *exec.Cmd) (wall, cpu time.Duration) {
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall = time.Since(start)
	if err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkCachedCheckSQLite measures a repeated `retort check` (the real
// binary, as a process) of an SQLite database that matches its schema
// file, the desired schema coming from the cache, against the floor of
// loading the same file: the sqlite3 CLI executing it into an in-memory
// database, with no Go, no driver and no reflection. Target: <= 0.5x at
// 500 and 2000 tables. Each iteration runs both, in alternating order, so
// a busy machine slows both alike; the floor is left out of ns/op. Wall
// and CPU ratios are reported.
func BenchmarkCachedCheckSQLite(b *testing.B) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Logf("no sqlite3 CLI on PATH (apt-get install -y sqlite3), so no ratio to the floor: %v", err)
	}
	bin := benchBuildRetort(b)
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) {
			dir, _ := benchSQLiteProject(b, n)
			check := benchCheckProcess(b, bin, dir, "sqlite://app.db")
			var floor func() (time.Duration, time.Duration)
			if sqlite3 != "" {
				floor = func() (time.Duration, time.Duration) {
					return benchRun(b, exec.Command(sqlite3, ":memory:", ".read "+filepath.Join(dir, "schema.sql")))
				}
			}
			benchInterleave(b, check, floor)
		})
	}
}

// benchBuildRetort builds the retort command into a temporary directory,
// or returns RETORT_BENCH_BIN, a retort built elsewhere (an older
// revision, to compare against in the same way).
func benchBuildRetort(b *testing.B) string {
	b.Helper()
	if bin := os.Getenv("RETORT_BENCH_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(b.TempDir(), "retort")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/retort").CombinedOutput(); err != nil {
		b.Fatalf("building retort: %v\n%s", err, out)
	}
	return bin
}

// benchCheckProcess returns a run of `retort check` on url in dir (which
// holds schema.sql), with a cache directory of its own, after one run that
// fills the cache.
func benchCheckProcess(b *testing.B, bin, dir, url string) func() (time.Duration, time.Duration) {
	b.Helper()
	check := func() (time.Duration, time.Duration) {
		cmd := exec.Command(bin, "check", "--quiet", "--url", url)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "RETORT_NO_CACHE=")
		return benchRun(b, cmd)
	}
	check()
	return check
}

// benchInterleave runs check b.N times and floor (if any) as often, in
// alternating order, so a busy machine slows both alike; the floor is
// left out of ns/op. It reports the check's CPU (user + system of the
// process) and, with a floor, the ratios of wall and CPU time to it.
func benchInterleave(b *testing.B, check, floor func() (time.Duration, time.Duration)) {
	var checkWall, checkCPU, floorWall, floorCPU time.Duration
	runFloor := func() {
		b.StopTimer()
		w, c := floor()
		floorWall, floorCPU = floorWall+w, floorCPU+c
		b.StartTimer()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if floor != nil && i%2 == 0 {
			runFloor()
		}
		w, c := check()
		checkWall, checkCPU = checkWall+w, checkCPU+c
		if floor != nil && i%2 == 1 {
			runFloor()
		}
	}
	b.ReportMetric(float64(checkCPU.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	if floor != nil {
		b.ReportMetric(float64(floorWall.Microseconds())/1000/float64(b.N), "floor-ms")
		b.ReportMetric(float64(checkWall)/float64(floorWall), "x-floor")
		b.ReportMetric(float64(checkCPU)/float64(floorCPU), "x-floor-cpu")
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
	s, err := m.DesiredSchema(ctx, SQLFiles(files)) // fills the cache
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
			got, err := m.DesiredSchema(ctx, SQLFiles(files))
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
