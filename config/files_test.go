package config

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// schemaFilesWithin fails the test if SchemaFiles blocks: a named pipe
// among the schema files must be refused, not opened.
func schemaFilesWithin(t *testing.T, c *Config) ([]dialect.SourceFile, error) {
	t.Helper()
	type result struct {
		files []dialect.SourceFile
		err   error
	}
	done := make(chan result, 1)
	go func() {
		files, err := c.SchemaFiles()
		done <- result{files, err}
	}()
	select {
	case r := <-done:
		return r.files, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("SchemaFiles blocked for 5s")
		return nil, nil
	}
}

func TestSchemaFilesOnlyRegular(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("ok.sql", []byte("CREATE TABLE t (id int);"), 0o644)
	os.WriteFile("big.sql", []byte(strings.Repeat("-- padding\n", 200)), 0o644)
	if err := syscall.Mkfifo("fifo.sql", 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("/dev/zero", "zero.sql")
	os.Symlink("ok.sql", "link.sql")
	os.Mkdir("dir.sql", 0o755)
	tests := []struct {
		schema []string
		max    Size
		err    string // "" when reading must succeed
	}{
		{[]string{"ok.sql", "link.sql"}, 0, ""},
		{[]string{"big.sql"}, 4096, ""},
		{[]string{"fifo.sql"}, 0, "schema file fifo.sql is not a regular file (named pipe)"},
		{[]string{"ok.sql", "*.sql"}, 0, "schema file dir.sql is not a regular file (directory)"},
		{[]string{"zero.sql"}, 0, "schema file zero.sql is not a regular file (character device)"},
		{[]string{"big.sql"}, 1024, "schema file big.sql is 2.1 KiB, over the 1 KiB limit (max_file_size in retort.toml)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.schema, ","), func(t *testing.T) {
			files, err := schemaFilesWithin(t, &Config{Schema: tt.schema, MaxFileSize: tt.max})
			if tt.err == "" {
				if err != nil || len(files) != len(tt.schema) {
					t.Fatalf("SchemaFiles = %d files, %v", len(files), err)
				}
				return
			}
			if err == nil || !errors.Is(err, ErrConfig) || !strings.HasSuffix(err.Error(), tt.err) {
				t.Fatalf("SchemaFiles error = %v; want ErrConfig ending %q", err, tt.err)
			}
		})
	}
}

func TestConfigFileOnlyRegular(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo(DefaultFile, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(""); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "config file retort.toml is not a regular file (named pipe)") {
			t.Fatalf("Load = %v, want ErrConfig naming the pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load blocked for 5s on a named pipe")
	}
}

func TestMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		toml string
		want Size
		err  string
	}{
		{"", 0, ""},
		{`max_file_size = "16MiB"`, 16 << 20, ""},
		{`max_file_size = "1 GiB"`, 1 << 30, ""},
		{`max_file_size = 4096`, 4096, ""},
		{`max_file_size = "16 megs"`, 0, `invalid size "16 megs"`},
		{`max_file_size = 0`, 0, "invalid size 0"},
		{`max_file_size = 1.5`, 0, "invalid size 1.5"},
	}
	for i, tt := range tests {
		path := dir + "/" + string(rune('a'+i)) + ".toml"
		os.WriteFile(path, []byte(tt.toml+"\n"), 0o644)
		cfg, err := Load(path)
		if tt.err != "" {
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "max_file_size") {
				t.Errorf("%s: Load = %v, want ErrConfig about max_file_size containing %q", tt.toml, err, tt.err)
			}
			continue
		}
		if err != nil || cfg.MaxFileSize != tt.want {
			t.Errorf("%s: Load = %+v, %v; want max_file_size %d", tt.toml, cfg, err, tt.want)
		}
		if want := "max_file_size in " + path; cfg.LimitSetting() != want {
			t.Errorf("LimitSetting = %q, want %q", cfg.LimitSetting(), want)
		}
	}
}
