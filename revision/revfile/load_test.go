package revfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/revision"
)

const okRevision = "-- retort:revision aaaa\n-- +upgrade\nSELECT 1;\n"

// loadWithin loads dir and fails the test if loading has not returned
// after a few seconds: a named pipe must never block it.
func loadWithin(t *testing.T, dir string, o LoadOptions) ([]*revision.Revision, error) {
	t.Helper()
	type result struct {
		revs []*revision.Revision
		err  error
	}
	done := make(chan result, 1)
	go func() {
		revs, err := LoadFS(os.DirFS(dir), o)
		done <- result{revs, err}
	}()
	select {
	case r := <-done:
		return r.revs, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("loading the revisions blocked for 5s")
		return nil, nil
	}
}

func TestLoadOnlyRegularFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		opts  LoadOptions
		err   string // "" when loading must succeed
	}{
		{"regular file", func(t *testing.T, dir string) {}, LoadOptions{}, ""},
		{"link to a regular file", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "real.txt"), okRevision)
			os.Remove(filepath.Join(dir, "aaaa_ok.sql"))
			mustLink(t, "real.txt", filepath.Join(dir, "aaaa_ok.sql"))
		}, LoadOptions{}, ""},
		{"named pipe", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "x.sql"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, LoadOptions{Dir: "migrations"}, "revision file migrations/x.sql is not a regular file (named pipe)"},
		{"link to /dev/zero", func(t *testing.T, dir string) {
			mustLink(t, "/dev/zero", filepath.Join(dir, "zero.sql"))
		}, LoadOptions{}, "revision file zero.sql is not a regular file (character device)"},
		{"over the limit", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "bbbb_big.sql"), "-- retort:revision bbbb\n-- +upgrade\n"+strings.Repeat("SELECT 1;\n", 1000))
		}, LoadOptions{Dir: "m", MaxFileSize: 4096, LimitSetting: "max_file_size in retort.toml"},
			"revision file m/bbbb_big.sql is 9.8 KiB, over the 4 KiB limit (max_file_size in retort.toml)"},
		{"over the default limit", func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, "bbbb_big.sql"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(DefaultMaxFileSize + 1); err != nil { // sparse
				t.Fatal(err)
			}
		}, LoadOptions{}, "revision file bbbb_big.sql is 16777217 bytes, over the 16 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustWrite(t, filepath.Join(dir, "aaaa_ok.sql"), okRevision)
			tt.setup(t, dir)
			revs, err := loadWithin(t, dir, tt.opts)
			if tt.err == "" {
				if err != nil || len(revs) != 1 || revs[0].ID != "aaaa" {
					t.Fatalf("LoadFS = %v, %v; want revision aaaa", revs, err)
				}
				return
			}
			if err == nil || err.Error() != tt.err || !errors.Is(err, revision.ErrInvalid) {
				t.Fatalf("LoadFS error = %v; want revision.ErrInvalid saying %q", err, tt.err)
			}
		})
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}
