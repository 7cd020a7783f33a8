package reliability

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/all"
	"github.com/retortdb/retort/internal/testdb"
)

// target is one database under test, named by the URL retort gets.
type target struct {
	dialect string // sqlite, mysql, postgres
	url     string
}

// sqliteTarget is a SQLite file at path (absolute).
func sqliteTarget(path string) target { return target{"sqlite", "sqlite://" + path} }

// serverTarget returns a fresh database of dialect name, or skips loudly
// (testdb) when the server or, for PostgreSQL, the dialect is missing.
func serverTarget(t *testing.T, name string) target {
	t.Helper()
	if _, err := dialect.ByName(name); err != nil {
		fmt.Printf("\n*** SKIPPING %s RELIABILITY TESTS: dialect not registered in dialect/all: %v ***\n\n", strings.ToUpper(name), err)
		t.Skipf("SKIPPED: dialect %s not registered: %v", name, err)
	}
	switch name {
	case "mysql":
		return target{"mysql", testdb.MySQL(t).String()}
	case "postgres":
		return target{"postgres", testdb.Postgres(t).String()}
	}
	t.Fatalf("no server target for dialect %q", name)
	return target{}
}

// open connects to tg directly, as an application would.
func (tg target) open(t testing.TB) *sql.DB {
	t.Helper()
	var db *sql.DB
	var err error
	switch tg.dialect {
	case "sqlite":
		db, err = sql.Open("sqlite", strings.TrimPrefix(tg.url, "sqlite://")+"?_pragma=busy_timeout(10000)")
	case "mysql":
		u, perr := url.Parse(tg.url)
		if perr != nil {
			t.Fatal(perr)
		}
		db, err = sql.Open("mysql", testdb.MySQLDSN(u))
	case "postgres":
		db, err = sql.Open("pgx", tg.url)
	}
	if err != nil {
		t.Fatalf("opening %s failed: %v", dialect.Redact(tg.url), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// tables lists the user tables of tg (retort's own tables excluded).
func (tg target) tables(t testing.TB, db *sql.DB) []string {
	t.Helper()
	var q string
	switch tg.dialect {
	case "sqlite":
		q = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'retort\_%' ESCAPE '\'`
	case "mysql":
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'retort\_%'`
	case "postgres":
		q = `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'retort\_%'`
	}
	names := queryStrings(t, db, q)
	sort.Strings(names)
	return names
}

// quote quotes an identifier for tg's dialect.
func (tg target) quote(name string) string {
	if tg.dialect == "mysql" {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// rowCounts returns "count sum(id)" per user table: a cheap fingerprint
// that changes when any row is lost or duplicated.
func (tg target) rowCounts(t testing.TB, db *sql.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range tg.tables(t, db) {
		var n, sum int64
		q := "SELECT count(*), coalesce(sum(id), 0) FROM " + tg.quote(name)
		if err := db.QueryRow(q).Scan(&n, &sum); err != nil {
			t.Fatalf("%s failed: %v", q, err)
		}
		out[name] = fmt.Sprintf("%d rows, sum(id) %d", n, sum)
	}
	return out
}

// upRows returns how many 'up' rows retort_history holds per revision.
func upRows(t testing.TB, db *sql.DB) map[string]int {
	t.Helper()
	rows, err := db.Query("SELECT revision, count(*) FROM retort_history WHERE direction = 'up' GROUP BY revision")
	if err != nil {
		t.Fatalf("reading retort_history failed: %v", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var rev string
		var n int
		if err := rows.Scan(&rev, &n); err != nil {
			t.Fatal(err)
		}
		out[rev] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func queryStrings(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		t.Fatalf("%s failed: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatalf("%s failed: %v", q, err)
		}
		out = append(out, s.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s failed: %v", q, err)
	}
	return out
}
