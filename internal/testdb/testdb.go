// Package testdb gives tests their own PostgreSQL and MySQL databases on
// the servers named by RETORT_TEST_POSTGRES and RETORT_TEST_MYSQL. Each
// call creates a uniquely named database and drops it when the test ends.
// Outside CI a missing DSN or server skips the test loudly; with CI=true it
// fails the test.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Default DSNs for the local servers of the development machine; the
// environment variables override them.
const (
	DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	DefaultMySQL    = "mysql://root@127.0.0.1:3306/test"
)

// Postgres returns the URL of a fresh PostgreSQL database.
func Postgres(t testing.TB) *url.URL {
	t.Helper()
	base := dsn(t, "RETORT_TEST_POSTGRES", DefaultPostgres)
	name := uniqueName()
	admin, err := sql.Open("pgx", base.String())
	if err != nil {
		unavailable(t, "postgres", err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		unavailable(t, "postgres", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base.String())
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u := *base
	u.Path = "/" + name
	return &u
}

// MySQL returns the URL (mysql://...) of a fresh MySQL/MariaDB database.
func MySQL(t testing.TB) *url.URL {
	t.Helper()
	base := dsn(t, "RETORT_TEST_MYSQL", DefaultMySQL)
	name := uniqueName()
	admin, err := sql.Open("mysql", MySQLDSN(base))
	if err != nil {
		unavailable(t, "mysql", err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		unavailable(t, "mysql", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("mysql", MySQLDSN(base))
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name)
	})
	u := *base
	u.Path = "/" + name
	return &u
}

// MySQLDSN turns mysql://user:pass@host:port/db into the driver's DSN.
func MySQLDSN(u *url.URL) string {
	pass, _ := u.User.Password()
	host := u.Host
	if host == "" {
		host = "127.0.0.1:3306"
	}
	return fmt.Sprintf("%s:%s@tcp(%s)/%s?multiStatements=false&parseTime=true", u.User.Username(), pass, host, strings.TrimPrefix(u.Path, "/"))
}

func dsn(t testing.TB, env, def string) *url.URL {
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

func unavailable(t testing.TB, dialect string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s server unavailable in CI: %v", dialect, err)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s TESTS: server unavailable: %v ***\n\n", strings.ToUpper(dialect), err)
	t.Skipf("SKIPPED: %s server unavailable: %v", dialect, err)
}

func uniqueName() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "retort_t_" + hex.EncodeToString(b[:])
}
