package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	mysqldriver "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestReadme runs the README's three commands in a copy of the example,
// with the retort of this repository, then the program on the migrated
// SQLite database; on PostgreSQL and MariaDB (fresh databases on the test
// servers, as the core module's tests use) the same three commands.
func TestReadme(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	retort := filepath.Join(t.TempDir(), "retort")
	run(t, ".", "go", "build", "-C", repo, "-o", retort, "./cmd/retort")

	targets := []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"sqlite", func(*testing.T) string { return "" }},
		{"postgres", postgresURL},
		{"mariadb", mysqlURL},
	}
	for _, tt := range targets {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyExample(t, repo)
			var env []string
			if u := tt.url(t); u != "" {
				env = append(env, "RETORT_URL="+u)
			}
			runEnv(t, dir, env, retort, "revision", "-m", "users and notes", "--autogenerate")
			runEnv(t, dir, env, retort, "upgrade")
			out := runEnv(t, dir, env, retort, "check")
			if !strings.Contains(out, "matches the desired schema") {
				t.Fatalf("retort check after upgrade:\n%s", out)
			}
			if tt.name == "sqlite" {
				if out := run(t, dir, "go", "run", "."); !strings.Contains(out, "deleted ann@example.com: 0 of her notes left") {
					t.Errorf("the program says:\n%s\nwant her notes deleted with her (ON DELETE CASCADE)", out)
				}
			}
		})
	}
}

// copyExample copies the example's sources into a temporary directory,
// its replace directive pointing at this repository's loader module.
func copyExample(t *testing.T, repo string) string {
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "main.go", "retort.toml", "models/models.go", "models/tools.go"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, dir, "go", "mod", "edit", "-replace=github.com/retortdb/retort/gormschema="+filepath.Join(repo, "gormschema"))
	return dir
}

func run(t *testing.T, dir string, args ...string) string {
	return runEnv(t, dir, nil, args...)
}

func runEnv(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "RETORT_NO_CACHE=1"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func postgresURL(t *testing.T) string {
	base := serverURL(t, "RETORT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	name := freshDatabase(t, "pgx", base.String(), " WITH (FORCE)")
	u := *base
	u.Path = "/" + name
	return u.String()
}

func mysqlURL(t *testing.T) string {
	base := serverURL(t, "RETORT_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")
	cfg := mysqldriver.NewConfig()
	cfg.User = base.User.Username()
	cfg.Passwd, _ = base.User.Password()
	cfg.Net, cfg.Addr = "tcp", base.Host
	name := freshDatabase(t, "mysql", cfg.FormatDSN(), "")
	u := *base
	u.Path = "/" + name
	return u.String()
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
