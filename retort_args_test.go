package retort_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// TestNewRefusesBadArguments: mistakes that used to panic later are
// refused by New and Open with an error naming the argument.
func TestNewRefusesBadArguments(t *testing.T) {
	ctx := context.Background()
	url := "sqlite://" + filepath.Join(t.TempDir(), "app.db")
	u, d, err := dialect.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sqlite := retort.Options{DialectName: "sqlite"}
	tests := []struct {
		name string
		open func() (*retort.Migrator, error)
		want string
	}{
		{"New with a nil Go revision", func() (*retort.Migrator, error) {
			return retort.New(db, nil, retort.Options{DialectName: "sqlite", GoRevisions: []*retort.GoRevision{nil}})
		}, "retort.New: Options.GoRevisions[0] is nil"},
		{"Open with a nil Go revision", func() (*retort.Migrator, error) {
			return retort.Open(ctx, url, migrations, retort.Options{GoRevisions: []*retort.GoRevision{nil}})
		}, "retort.Open: Options.GoRevisions[0] is nil"},
		{"negative MaxFileSize", func() (*retort.Migrator, error) {
			return retort.Open(ctx, url, migrations, retort.Options{MaxFileSize: -1})
		}, "retort.Open: Options.MaxFileSize is -1"},
		{"revision file over MaxFileSize", func() (*retort.Migrator, error) {
			return retort.New(db, migrations, retort.Options{DialectName: "sqlite", MaxFileSize: 100})
		}, "revision file a1_create_users.sql is 172 bytes, over the 100 bytes limit (retort.Options.MaxFileSize)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.open()
			if err == nil {
				m.Close()
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}

	// A nil fs.FS is no revision files, which is fine for inspecting.
	m, err := retort.New(db, nil, sqlite)
	if err != nil {
		t.Fatalf("New without revisions: %v", err)
	}
	if all := m.Revisions().History(); len(all) != 0 {
		t.Errorf("New without revisions has revisions %v", all)
	}
	if _, err := m.Inspect(ctx); err != nil {
		t.Errorf("Inspect without revisions: %v", err)
	}
}

// TestNewWithoutDatabase: a nil db is a Migrator for offline work; what
// needs the database says so instead of panicking.
func TestNewWithoutDatabase(t *testing.T) {
	ctx := context.Background()
	m, err := retort.New(nil, migrations, retort.Options{DialectName: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := m.OfflineSQL(&out, nil, "head", retort.Up); err != nil || !strings.Contains(out.String(), "CREATE TABLE users") {
		t.Errorf("offline SQL without a database = %v\n%s", err, out.String())
	}
	calls := map[string]func() error{
		"Upgrade":   func() error { _, err := m.Upgrade(ctx, "head"); return err },
		"Downgrade": func() error { _, err := m.Downgrade(ctx, "base"); return err },
		"Stamp":     func() error { return m.Stamp(ctx, "head") },
		"Current":   func() error { _, err := m.Current(ctx); return err },
		"Inspect":   func() error { _, err := m.Inspect(ctx); return err },
		"Diff":      func() error { _, err := m.Diff(ctx, desired); return err },
		"Check":     func() error { _, err := m.Check(ctx, desired); return err },
		"Autogenerate": func() error {
			_, _, _, err := m.Autogenerate(ctx, desired)
			return err
		},
		"Pending":    func() error { _, err := m.Pending(ctx); return err },
		"Edited":     func() error { _, err := m.Edited(ctx); return err },
		"Unfinished": func() error { _, err := m.Unfinished(ctx); return err },
		"Resolve":    func() error { return m.Resolve(ctx, "a1", retort.Resolution{Forget: true}) },
		"Lint":       func() error { _, err := m.Lint(ctx, retort.LintOptions{}); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, retort.ErrNoDatabase) {
			t.Errorf("%s without a database = %v, want ErrNoDatabase", name, err)
		}
	}
	if n := m.RowEstimate(ctx)("users"); n != 0 {
		t.Errorf("RowEstimate without a database = %d", n)
	}
}

// TestRelativeTargetDirection: "-1" never upgrades and "+1" never
// downgrades; both used to do nothing and report success.
func TestRelativeTargetDirection(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t, migrations)
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Upgrade(ctx, "-1"); !errors.Is(err, revision.ErrInvalid) || err.Error() != "-1 is a downgrade target; use downgrade -1" {
		t.Errorf("Upgrade(-1) = %v, want the downgrade-target error", err)
	}
	if _, err := m.Downgrade(ctx, "-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Downgrade(ctx, "+1"); !errors.Is(err, revision.ErrInvalid) || err.Error() != "+1 is an upgrade target; use upgrade +1" {
		t.Errorf("Downgrade(+1) = %v, want the upgrade-target error", err)
	}
	if current, _ := m.Current(ctx); len(current) != 1 || current[0] != "a1" {
		t.Errorf("current = %v, want [a1]", current)
	}
}

// TestOpenRefusesANamedPipe: a named pipe among the revision files is an
// error at once, not a hang.
func TestOpenRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		m, err := retort.Open(context.Background(), "sqlite://"+filepath.Join(dir, "app.db"), os.DirFS(dir), retort.Options{})
		if err == nil {
			m.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, revision.ErrInvalid) || err.Error() != "revision file x.sql is not a regular file (named pipe)" {
			t.Fatalf("Open = %v, want the named-pipe error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Open blocked for 5s on a named pipe")
	}
}
