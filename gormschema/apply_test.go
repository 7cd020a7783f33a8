package gormschema_test

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

	_ "github.com/glebarez/go-sqlite"
	mysqldriver "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/retortdb/retort/gormschema"
)

// TestLoadApplies runs each dialect's DDL on the real database (a fresh
// one on the test servers, like the core module's tests) and checks the
// foreign keys arrive with their actions, then that the ON DELETE CASCADE
// and the join table behave.
func TestLoadApplies(t *testing.T) {
	tests := []struct {
		dialect string
		open    func(t *testing.T) *sql.DB
		fkRules string // the actions of fk_users_notes as the catalog spells them
	}{
		{"sqlite", openSQLite, "CASCADE SET NULL"},
		{"postgres", openPostgres, "CASCADE SET NULL"},
		{"mysql", openMySQL, "CASCADE SET NULL"},
	}
	for _, tt := range tests {
		t.Run(tt.dialect, func(t *testing.T) {
			db := tt.open(t)
			ddl, err := gormschema.Load(tt.dialect, &User{}, &Note{}, &Tag{})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			for _, s := range statements(ddl) {
				if _, err := db.ExecContext(ctx, s); err != nil {
					t.Fatalf("%s refused %s: %v", tt.dialect, s, err)
				}
			}
			if got := fkRules(t, db, tt.dialect); got != tt.fkRules {
				t.Errorf("fk_users_notes actions = %q, want %q", got, tt.fkRules)
			}
			exec(t, db, "INSERT INTO users (id, email) VALUES (1, 'ann@example.com')")
			exec(t, db, "INSERT INTO tags (id, name, slug) VALUES (1, 'go', 'go')")
			exec(t, db, "INSERT INTO user_tags (user_id, tag_id) VALUES (1, 1)")
			exec(t, db, "INSERT INTO notes (author_id, body) VALUES (1, 'a')")
			if _, err := db.ExecContext(ctx, "INSERT INTO user_tags (user_id, tag_id) VALUES (1, 99)"); err == nil {
				t.Error("the join table took a tag that does not exist: its foreign key is missing")
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO notes (author_id, body, score) VALUES (1, 'b', -1)"); err == nil {
				t.Error("a negative score was accepted: the check constraint is missing")
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO users (id, email) VALUES (2, 'ann@example.com')"); err == nil {
				t.Error("a second user with the same email was accepted: the unique index is missing")
			}
			exec(t, db, "DELETE FROM user_tags")
			exec(t, db, "DELETE FROM users WHERE id = 1")
			var n int
			if err := db.QueryRowContext(ctx, "SELECT count(*) FROM notes").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("deleting the user left %d notes; ON DELETE CASCADE did not apply", n)
			}
		})
	}
}

func exec(t *testing.T, db *sql.DB, stmt string) {
	t.Helper()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

func fkRules(t *testing.T, db *sql.DB, dialect string) string {
	t.Helper()
	var del, upd string
	var err error
	switch dialect {
	case "sqlite":
		err = db.QueryRow("SELECT on_delete, on_update FROM pragma_foreign_key_list('notes') WHERE \"table\" = 'users'").Scan(&del, &upd)
	case "postgres":
		err = db.QueryRow("SELECT delete_rule, update_rule FROM information_schema.referential_constraints WHERE constraint_name = 'fk_users_notes'").Scan(&del, &upd)
	case "mysql":
		err = db.QueryRow("SELECT delete_rule, update_rule FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() AND constraint_name = 'fk_users_notes'").Scan(&del, &upd)
	}
	if err != nil {
		t.Fatalf("reading fk_users_notes: %v", err)
	}
	return del + " " + upd
}

func openSQLite(t *testing.T) *sql.DB {
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/test.db?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// The servers and their environment variables are the core module's
// (internal/testdb): a database of its own per test, dropped afterwards.
func openPostgres(t *testing.T) *sql.DB {
	base := serverURL(t, "RETORT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	return freshDatabase(t, "pgx", base.String(), func(name string) string {
		u := *base
		u.Path = "/" + name
		return u.String()
	}, " WITH (FORCE)")
}

func openMySQL(t *testing.T) *sql.DB {
	base := serverURL(t, "RETORT_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")
	dsn := func(name string) string {
		cfg := mysqldriver.NewConfig()
		cfg.User = base.User.Username()
		cfg.Passwd, _ = base.User.Password()
		cfg.Net, cfg.Addr, cfg.DBName = "tcp", base.Host, name
		return cfg.FormatDSN()
	}
	return freshDatabase(t, "mysql", dsn(strings.TrimPrefix(base.Path, "/")), dsn, "")
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

// freshDatabase creates a uniquely named database through admin and
// returns a connection to it; it is dropped when the test ends.
func freshDatabase(t *testing.T, driverName, admin string, dsnFor func(name string) string, dropSuffix string) *sql.DB {
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "retort_t_" + hex.EncodeToString(b[:])
	adm, err := sql.Open(driverName, admin)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := adm.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adm.Close()
		unavailable(t, driverName, err)
	}
	t.Cleanup(func() {
		defer adm.Close()
		_, _ = adm.Exec("DROP DATABASE IF EXISTS " + name + dropSuffix)
	})
	db, err := sql.Open(driverName, dsnFor(name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// unavailable skips loudly, or fails in CI, as the core module's tests do.
func unavailable(t *testing.T, server string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s server unavailable in CI: %v", server, err)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s TESTS: server unavailable: %v ***\n\n", strings.ToUpper(server), err)
	t.Skipf("SKIPPED: %s server unavailable: %v", server, err)
}
