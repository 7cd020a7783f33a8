package retort

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"

	"github.com/retortdb/retort/internal/schematest"
)

// BenchmarkUncachedCheckPostgres measures an uncached no-change check of
// 500 tables (reflect the live database while schema.sql loads into a
// scratch database, then diff) against its floor: createdb, then
// `psql -1 -f schema.sql` (one transaction, one statement at a time, as
// fast as the server loads it), then reflecting the live database.
// Target: <= 1.1x. Both run in every iteration, in alternating order, so
// a busy machine slows both alike; the floor is left out of ns/op.
func BenchmarkUncachedCheckPostgres(b *testing.B) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		b.Skipf("no psql on PATH, so no floor: %v", err)
	}
	createdb, err := exec.LookPath("createdb")
	if err != nil {
		b.Skipf("no createdb on PATH, so no floor: %v", err)
	}
	ctx := context.Background()
	u := testdb.Postgres(b)
	const n = 500
	files := SQLFiles{{Name: "schema.sql", SQL: schematest.AppTablesSQL(n)}}
	m, err := Open(ctx, u.String(), nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	if err := dialect.ExecFile(ctx, m.d, m.db, files[0]); err != nil {
		b.Fatal(err)
	}
	schemaFile := filepath.Join(b.TempDir(), "schema.sql")
	if err := os.WriteFile(schemaFile, []byte(files[0].SQL), 0o600); err != nil {
		b.Fatal(err)
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "5432"
	}
	user := u.User.Username()
	admin := *u
	check := func() time.Duration {
		start := time.Now()
		ops, err := m.Diff(ctx, files)
		if err != nil || len(ops) != 0 {
			b.Fatalf("ops %v, err %v", ops, err)
		}
		return time.Since(start)
	}
	floor := func(i int) time.Duration {
		name := fmt.Sprintf("retort_bench_floor_%d_%d", os.Getpid(), i)
		drop := exec.Command(psql, "-X", "-q", "-h", host, "-p", port, "-U", user, "-d", admin.Path[1:], "-c", "DROP DATABASE IF EXISTS "+name)
		start := time.Now()
		benchRunCmd(b, exec.Command(createdb, "-h", host, "-p", port, "-U", user, name))
		benchRunCmd(b, exec.Command(psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user, "-d", name, "-f", schemaFile))
		if _, err := m.Inspect(ctx); err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		benchRunCmd(b, drop)
		return d
	}
	b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) {
		var checkWall, floorWall time.Duration
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if i%2 == 0 {
				b.StopTimer()
				floorWall += floor(i)
				b.StartTimer()
			}
			checkWall += check()
			if i%2 == 1 {
				b.StopTimer()
				floorWall += floor(i)
				b.StartTimer()
			}
		}
		b.ReportMetric(float64(floorWall.Microseconds())/1000/float64(b.N), "floor-ms")
		b.ReportMetric(float64(checkWall)/float64(floorWall), "x-floor")
	})
}

// benchRunCmd runs a client program, failing the benchmark with its
// output if it fails.
func benchRunCmd(b *testing.B, cmd *exec.Cmd) {
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd.String(), err, out)
	}
}
