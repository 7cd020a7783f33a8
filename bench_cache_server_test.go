package retort

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
)

// benchServerProject writes schema.sql into a new directory and executes
// it in the database at url.
func benchServerProject(b *testing.B, url, ddl string) string {
	b.Helper()
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(ddl), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	m, err := Open(ctx, url, nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	if err := dialect.ExecFile(ctx, m.d, m.db, dialect.SourceFile{Name: "schema.sql", SQL: ddl}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkCachedCheckPostgres measures a repeated `retort check` (the
// built binary as a process, desired schema from the cache) of a
// 500-table PostgreSQL database that matches schema.sql, against the
// floor of `pg_dump -s` of the same database. Target: <= 0.5x (wall).
// The CPU ratio counts the client processes only, not the server's work.
func BenchmarkCachedCheckPostgres(b *testing.B) {
	pgDump, err := exec.LookPath("pg_dump")
	if err != nil {
		b.Skipf("no pg_dump on PATH, so no floor: %v", err)
	}
	u := testdb.Postgres(b)
	const n = 500
	dir := benchServerProject(b, u.String(), schematest.AppTablesSQL(n))
	check := benchCheckProcess(b, benchBuildRetort(b), dir, u.String())
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	floor := func() (time.Duration, time.Duration) {
		return benchRun(b, exec.Command(pgDump, "-s", "-h", u.Hostname(), "-p", port, "-U", u.User.Username(), "-f", os.DevNull, strings.TrimPrefix(u.Path, "/")))
	}
	b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) { benchInterleave(b, check, floor) })
}

// benchMySQLTables is schematest.AppTablesSQL in MySQL's dialect: n
// tables with a key, a unique column, a check, a default, up to two
// foreign keys and an index.
func benchMySQLTables(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "CREATE TABLE t%04d (\n  id INT NOT NULL PRIMARY KEY,\n  code VARCHAR(40) NOT NULL UNIQUE,\n  qty INT NOT NULL DEFAULT 0 CHECK (qty >= 0),\n  note TEXT,\n  created_at VARCHAR(30) NOT NULL DEFAULT 'now'", i)
		if i > 0 {
			fmt.Fprintf(&sb, ",\n  parent_id INT,\n  CONSTRAINT t%04d_parent_fk FOREIGN KEY (parent_id) REFERENCES t%04d (id) ON DELETE CASCADE", i, i-1)
		}
		if i > 1 {
			fmt.Fprintf(&sb, ",\n  other_id INT,\n  CONSTRAINT t%04d_other_fk FOREIGN KEY (other_id) REFERENCES t%04d (id) ON DELETE SET NULL", i, i/2)
		}
		fmt.Fprintf(&sb, ",\n  KEY t%04d_created_idx (created_at)\n);\n", i)
	}
	return sb.String()
}

// benchMySQLFloorQueries are six whole-schema information_schema queries,
// one per kind of detail a schema reader needs (issue #15's MariaDB
// floor).
var benchMySQLFloorQueries = []string{
	"SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
	"SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
	"SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()",
	"SELECT * FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()",
	"SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
	"SELECT * FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
}

// BenchmarkCachedCheckMySQL measures a repeated `retort check` (the built
// binary as a process, desired schema from the cache) of a 500-table
// MariaDB/MySQL database that matches schema.sql, against the floor of
// the mysql CLI running benchMySQLFloorQueries in one session. Target:
// <= 2x (wall). The CPU ratio counts the client processes only.
func BenchmarkCachedCheckMySQL(b *testing.B) {
	client, err := exec.LookPath("mysql")
	if err != nil {
		b.Skipf("no mysql CLI on PATH, so no floor: %v", err)
	}
	u := testdb.MySQL(b)
	const n = 500
	dir := benchServerProject(b, u.String(), benchMySQLTables(n))
	check := benchCheckProcess(b, benchBuildRetort(b), dir, u.String())
	port := u.Port()
	if port == "" {
		port = "3306"
	}
	args := []string{"-h", u.Hostname(), "-P", port, "-u", u.User.Username(), "-D", strings.TrimPrefix(u.Path, "/"),
		"-e", strings.Join(benchMySQLFloorQueries, ";\n")}
	if pass, ok := u.User.Password(); ok {
		args = append(args, "-p"+pass)
	}
	floor := func() (time.Duration, time.Duration) {
		cmd := exec.Command(client, args...)
		return benchRun(b, cmd)
	}
	b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) { benchInterleave(b, check, floor) })
}
