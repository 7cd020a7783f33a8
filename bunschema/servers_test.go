package bunschema

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// server is one database the tests apply DDL to: a fresh database is
// created per test and dropped when it ends.
type server struct {
	dialect string // the name passed to Load
	server  string // which server: sqlite, postgres or mariadb
	fresh   func(t *testing.T) *sql.DB
}

var servers = []server{
	{dialect: "sqlite", server: "sqlite", fresh: freshSQLite},
	{dialect: "postgres", server: "postgres", fresh: freshPostgres},
	{dialect: "mariadb", server: "mariadb", fresh: freshMySQL},
	// bun's MySQL DDL must load on MariaDB too: retort's mysql dialect is both.
	{dialect: "mysql", server: "mariadb", fresh: freshMySQL},
}

func freshSQLite(t *testing.T) *sql.DB {
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func freshPostgres(t *testing.T) *sql.DB {
	base := serverURL(t, "RETORT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	name := createDatabase(t, "postgres", "pgx", base.String(), "DROP DATABASE IF EXISTS %s WITH (FORCE)")
	u := *base
	u.Path = "/" + name
	return open(t, "pgx", u.String())
}

func freshMySQL(t *testing.T) *sql.DB {
	base := serverURL(t, "RETORT_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")
	name := createDatabase(t, "mysql", "mysql", mysqlDSN(base, strings.TrimPrefix(base.Path, "/")), "DROP DATABASE IF EXISTS %s")
	return open(t, "mysql", mysqlDSN(base, name))
}

// createDatabase creates a uniquely named database through the admin
// DSN and drops it (dropSQL) when the test ends.
func createDatabase(t *testing.T, kind, driver, admin, dropSQL string) string {
	t.Helper()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "retort_t_" + hex.EncodeToString(b[:])
	db, err := sql.Open(driver, admin)
	if err != nil {
		unavailable(t, kind, err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		unavailable(t, kind, err)
	}
	t.Cleanup(func() {
		db, err := sql.Open(driver, admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec(fmt.Sprintf(dropSQL, name))
	})
	return name
}

func open(t *testing.T, driver, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func serverURL(t *testing.T, env, def string) *url.URL {
	t.Helper()
	raw := os.Getenv(env)
	if raw == "" {
		raw = def
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("%s is not a valid URL: %v", env, err)
	}
	return u
}

func mysqlDSN(u *url.URL, database string) string {
	pass, _ := u.User.Password()
	return fmt.Sprintf("%s:%s@tcp(%s)/%s?parseTime=true", u.User.Username(), pass, u.Host, database)
}

// unavailable fails in CI and skips loudly elsewhere, as retort's own
// integration tests do.
func unavailable(t *testing.T, kind string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s server unavailable in CI: %v", kind, err)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s TESTS: server unavailable: %v ***\n\n", strings.ToUpper(kind), err)
	t.Skipf("SKIPPED: %s server unavailable: %v", kind, err)
}
