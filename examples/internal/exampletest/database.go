package exampletest

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

	mysqldriver "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// A target is one database the README's commands run on.
type target struct {
	name    string // the subtest's name
	dialect string // EXAMPLE_DIALECT: the loader's dialect
	// open creates the target's fresh database and returns its URL for
	// retort (empty: the example's own sqlite://app.db) and the driver
	// and DSN the test queries it with.
	open func(t *testing.T, dir string) (retortURL, driver, dsn string)
	// fkChange is what the upgrade of a revision that changes a foreign
	// key's action holds on this database, as the READMEs tell it.
	fkChange []string
}

var targets = []target{
	// A table rebuild that copies the rows.
	{"sqlite", "sqlite", sqliteDatabase, []string{`CREATE TABLE "_retort_new_notes"`, `INSERT INTO "_retort_new_notes"`}},
	// The new key checked without blocking writes.
	{"postgres", "postgres", postgresDatabase, []string{"ON DELETE CASCADE NOT VALID", "VALIDATE CONSTRAINT"}},
	// ALTER TABLEs that drop the key and add the new one in one statement.
	{"mariadb", "mysql", mysqlDatabase, []string{"ALTER TABLE `notes` DROP FOREIGN KEY", "ON DELETE CASCADE"}},
}

// sqliteDatabase is the example's app.db, with foreign keys enforced as
// in any program that uses it.
func sqliteDatabase(_ *testing.T, dir string) (string, string, string) {
	return "", "sqlite", "file:" + filepath.Join(dir, "app.db") + "?_pragma=foreign_keys(1)"
}

func postgresDatabase(t *testing.T, _ string) (string, string, string) {
	base := serverURL(t, "RETORT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	name := freshDatabase(t, "pgx", base.String(), " WITH (FORCE)")
	u := *base
	u.Path = "/" + name
	return u.String(), "pgx", u.String()
}

func mysqlDatabase(t *testing.T, _ string) (string, string, string) {
	base := serverURL(t, "RETORT_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")
	cfg := mysqldriver.NewConfig()
	cfg.User = base.User.Username()
	cfg.Passwd, _ = base.User.Password()
	cfg.Net, cfg.Addr = "tcp", base.Host
	name := freshDatabase(t, "mysql", cfg.FormatDSN(), "")
	u := *base
	u.Path = "/" + name
	cfg.DBName = name
	return u.String(), "mysql", cfg.FormatDSN()
}

func serverURL(t *testing.T, env, def string) *url.URL {
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

// freshDatabase creates a uniquely named database, dropped when the test
// ends; a server that is down skips the test loudly (fails it in CI).
func freshDatabase(t *testing.T, driverName, admin, dropSuffix string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "retort_t_" + hex.EncodeToString(b[:])
	db, err := sql.Open(driverName, admin)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s server unavailable in CI: %v", driverName, err)
		}
		fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s TESTS: server unavailable: %v ***\n\n", strings.ToUpper(driverName), err)
		t.Skipf("SKIPPED: %s server unavailable: %v", driverName, err)
	}
	t.Cleanup(func() {
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + dropSuffix)
	})
	return name
}

// exec runs one statement on the example's database, with a connection
// of its own so that none is open while retort rebuilds a table.
func (e *Example) exec(query string) error {
	db, err := sql.Open(e.driver, e.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(query)
	return err
}

// count returns the number of rows in table.
func (e *Example) count(table string) int {
	e.t.Helper()
	db, err := sql.Open(e.driver, e.dsn)
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		e.t.Fatalf("counting %s on %s: %v", table, e.Target, err)
	}
	return n
}
