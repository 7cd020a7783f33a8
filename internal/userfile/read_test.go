package userfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs read in a goroutine and fails the test if it has not
// returned after a few seconds: a named pipe must never block.
func within(t *testing.T, read func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read()
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("reading blocked for 5s")
		return nil, nil
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.sql", []byte("SELECT 1;"))
	write("limit.sql", []byte(strings.Repeat("x", 100)))
	write("over.sql", []byte(strings.Repeat("x", 101)))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"link.sql": "ok.sql", "zero.sql": "/dev/zero", "fifolink.sql": "fifo.sql", "dirlink.sql": ".", "dangling.sql": "missing"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// Sparse: 17 MiB on paper, no disk used.
	huge, err := os.Create(filepath.Join(dir, "huge.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(17 << 20); err != nil {
		t.Fatal(err)
	}
	huge.Close()

	small := Limit{Max: 100, Setting: "max_file_size in retort.toml"}
	tests := []struct {
		name  string
		lim   Limit
		want  string // the data read, or
		err   string // the error message
		errIs error
	}{
		{name: "ok.sql", lim: small, want: "SELECT 1;"},
		{name: "link.sql", lim: small, want: "SELECT 1;"},
		{name: "limit.sql", lim: small, want: strings.Repeat("x", 100)},
		{name: "over.sql", lim: small, err: "revision file m/over.sql is 101 bytes, over the 100 bytes limit (max_file_size in retort.toml)", errIs: ErrTooLarge},
		{name: "huge.sql", err: "revision file m/huge.sql is 17 MiB, over the 16 MiB limit", errIs: ErrTooLarge},
		{name: "huge.sql", lim: Limit{Max: 17 << 20}, want: strings.Repeat("\x00", 17<<20)},
		{name: "fifo.sql", err: "revision file m/fifo.sql is not a regular file (named pipe)", errIs: ErrNotRegular},
		{name: "fifolink.sql", err: "revision file m/fifolink.sql is not a regular file (named pipe)", errIs: ErrNotRegular},
		{name: "zero.sql", err: "revision file m/zero.sql is not a regular file (character device)", errIs: ErrNotRegular},
		{name: "dirlink.sql", err: "revision file m/dirlink.sql is not a regular file (directory)", errIs: ErrNotRegular},
		{name: "dangling.sql", err: "cannot read revision file m/dangling.sql: ", errIs: fs.ErrNotExist},
	}
	for _, tt := range tests {
		for via, read := range map[string]func() ([]byte, error){
			"ReadFS": func() ([]byte, error) { return ReadFS(os.DirFS(dir), tt.name, "revision file m/"+tt.name, tt.lim) },
			"ReadFile": func() ([]byte, error) {
				return ReadFile(filepath.Join(dir, tt.name), "revision file m/"+tt.name, tt.lim)
			},
		} {
			t.Run(via+"/"+tt.name, func(t *testing.T) {
				data, err := within(t, read)
				if tt.err == "" {
					if err != nil || string(data) != tt.want {
						t.Fatalf("got %d bytes, %v; want %d bytes", len(data), err, len(tt.want))
					}
					return
				}
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || !errors.Is(err, tt.errIs) {
					t.Fatalf("got %d bytes, error %v; want an error starting %q matching %v", len(data), err, tt.err, tt.errIs)
				}
			})
		}
	}
}

// lyingFS says its one file is small and regular, then serves endless
// zeros: a file that changed between stat and read.
type lyingFS struct{}

type lyingFile struct{ zeros }

// smallInfo is a 1-byte regular file.
type smallInfo struct{}

func (lyingFS) Open(string) (fs.File, error) { return lyingFile{}, nil }
func (lyingFile) Stat() (fs.FileInfo, error) { return smallInfo{}, nil }
func (lyingFile) Close() error               { return nil }
func (smallInfo) Name() string               { return "f" }
func (smallInfo) Size() int64                { return 1 }
func (smallInfo) Mode() fs.FileMode          { return 0o644 }
func (smallInfo) ModTime() time.Time         { return time.Time{} }
func (smallInfo) IsDir() bool                { return false }
func (smallInfo) Sys() any                   { return nil }

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestReadStopsAtTheLimit(t *testing.T) {
	data, err := within(t, func() ([]byte, error) { return ReadFS(lyingFS{}, "f", "revision file f", Limit{Max: 1 << 20}) })
	if err == nil || !errors.Is(err, ErrTooLarge) || err.Error() != "revision file f grew, over the 1 MiB limit" {
		t.Fatalf("got %d bytes, %v; want the limit error", len(data), err)
	}
}
