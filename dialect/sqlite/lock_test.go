package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/locktest"
)

// lockOpen opens path as retort does and returns one connection of it.
func lockOpen(t *testing.T, path string) (*sql.DB, *sql.Conn) {
	t.Helper()
	db, err := Dialect{}.Open(context.Background(), &url.URL{Scheme: "sqlite", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, lockConn(t, db)
}

func lockConn(t *testing.T, db *sql.DB) *sql.Conn {
	t.Helper()
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestLockExcludesInProcess: two *sql.DB handles of one file, two
// connections of one handle, and a handle opened through a symlink all
// exclude each other, and the lock file is in the temporary directory.
func TestLockExcludesInProcess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.db")
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("another connection of this process, pid %d (lock file %s)", os.Getpid(), lockFilePath(path))
	cases := []struct {
		name           string
		holder, waiter func(t *testing.T) *sql.Conn
	}{
		{"two handles",
			func(t *testing.T) *sql.Conn { _, c := lockOpen(t, path); return c },
			func(t *testing.T) *sql.Conn { _, c := lockOpen(t, path); return c }},
		{"one handle, two connections", nil, nil},
		{"a handle through a symlink",
			func(t *testing.T) *sql.Conn { _, c := lockOpen(t, path); return c },
			func(t *testing.T) *sql.Conn { _, c := lockOpen(t, link); return c }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var holder, waiter *sql.Conn
			if tc.holder == nil {
				var db *sql.DB
				db, holder = lockOpen(t, path)
				waiter = lockConn(t, db)
			} else {
				holder, waiter = tc.holder(t), tc.waiter(t)
			}
			locktest.Exclusion(t, Dialect{}, holder, waiter, want)
		})
	}
	lock := lockFilePath(path)
	if filepath.Dir(lock) != filepath.Clean(os.TempDir()) || !strings.HasPrefix(filepath.Base(lock), "retort-") {
		t.Errorf("lock file %s is not retort-<hash>.lock in %s", lock, os.TempDir())
	}
	if lockFilePath(link) != lock || lockFilePath(filepath.Join(dir, ".", "app.db")) != lock {
		t.Errorf("paths to one file got different lock files")
	}
	if lockFilePath(filepath.Join(dir, "other.db")) == lock {
		t.Errorf("two files share the lock file %s", lock)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "app.db") {
			t.Errorf("Lock left %s next to the database", e.Name())
		}
	}
}

// TestLockMemoryNeedsNone: private databases take no lock, so two of them
// lock at once.
func TestLockMemoryNeedsNone(t *testing.T) {
	for _, name := range []string{":memory:", "file:lockmem?mode=memory&cache=shared", ""} {
		t.Run(name, func(t *testing.T) {
			var conns []*sql.Conn
			for range 2 {
				db, err := sql.Open("sqlite", name)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				conns = append(conns, lockConn(t, db))
			}
			for _, c := range conns {
				f, err := mainFile(context.Background(), c)
				if err != nil || f != "" {
					t.Fatalf("main file = %q, %v; want none", f, err)
				}
				unlock, err := Dialect{}.Lock(context.Background(), c, dialect.LockOptions{Timeout: time.Millisecond})
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
			}
		})
	}
}

// lockHelperEnv makes the test binary a lock holder instead of running
// tests: it locks the database the variable names, prints "locked" and
// waits to be killed.
const lockHelperEnv = "RETORT_SQLITE_LOCK_HOLDER"

func TestMain(m *testing.M) {
	if path := os.Getenv(lockHelperEnv); path != "" {
		os.Exit(holdLock(path))
	}
	os.Exit(m.Run())
}

func holdLock(path string) int {
	ctx := context.Background()
	db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: path})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if _, err := (Dialect{}).Lock(ctx, conn, dialect.LockOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("locked")
	time.Sleep(time.Hour)
	return 0
}

// TestLockFreedWhenHolderKilled: a process holding the lock excludes this
// one, is named by its pid, and its SIGKILL frees the lock.
func TestLockFreedWhenHolderKilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), lockHelperEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "locked\n" {
		t.Fatalf("the holder process said %q, %v; want locked", line, err)
	}

	_, conn := lockOpen(t, path)
	var report string
	_, err = Dialect{}.Lock(context.Background(), conn, dialect.LockOptions{Timeout: 300 * time.Millisecond, Waiting: func(h string) { report = h }})
	if !errors.Is(err, dialect.ErrLockTimeout) {
		t.Fatalf("Lock while another process holds it: want ErrLockTimeout, got %v", err)
	}
	if want := "another retort process, pid " + strconv.Itoa(cmd.Process.Pid) + " "; !strings.Contains(report, want) {
		t.Errorf("report = %q, want it to contain %q", report, want)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	unlock, err := Dialect{}.Lock(context.Background(), conn, dialect.LockOptions{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
}
