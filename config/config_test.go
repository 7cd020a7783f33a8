package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestLoadDefaultsWhenNoFile(t *testing.T) {
	t.Chdir(t.TempDir())
	cfg, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Dir != "migrations" || len(cfg.Schema) != 1 || cfg.Schema[0] != "schema.sql" || cfg.Path != "" {
		t.Fatalf("defaults = %+v", cfg)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	unknown := filepath.Join(dir, "unknown.toml")
	os.WriteFile(bad, []byte("url = \n"), 0o644)
	os.WriteFile(unknown, []byte("url = \"sqlite://a.db\"\nurll = 1\n"), 0o644)
	for _, path := range []string{filepath.Join(dir, "missing.toml"), bad, unknown} {
		if _, err := Load(path); !errors.Is(err, ErrConfig) {
			t.Errorf("Load(%s) = %v, want ErrConfig", filepath.Base(path), err)
		}
	}
}

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.toml")
	os.WriteFile(path, []byte(`url = "sqlite://app.db"
dir = "db/migrations"
schema = ["a.sql", "b/*.sql"]
dev_url = "sqlite://:memory:"
[naming]
fk = "fk_{table}_{columns}"
`), 0o644)
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.URL != "sqlite://app.db" || cfg.Dir != "db/migrations" || len(cfg.Schema) != 2 || cfg.DevURL != "sqlite://:memory:" {
		t.Fatalf("cfg = %+v", cfg)
	}
	if got := cfg.NamingConvention().Name("fk", "notes", []string{"author_id"}); got != "fk_notes_author_id" {
		t.Fatalf("naming = %q", got)
	}
}

func TestDatabaseURLPrecedence(t *testing.T) {
	cfg := &Config{URL: "sqlite://file.db"}
	tests := []struct {
		flag, retort, database, want string
	}{
		{"sqlite://flag.db", "sqlite://r.db", "sqlite://d.db", "sqlite://flag.db"},
		{"", "sqlite://r.db", "sqlite://d.db", "sqlite://r.db"},
		{"", "", "sqlite://d.db", "sqlite://d.db"},
		{"", "", "", "sqlite://file.db"},
	}
	for _, tt := range tests {
		t.Setenv("RETORT_URL", tt.retort)
		t.Setenv("DATABASE_URL", tt.database)
		got, err := cfg.DatabaseURL(tt.flag)
		if err != nil || got != tt.want {
			t.Errorf("DatabaseURL(%q) with RETORT_URL=%q DATABASE_URL=%q = %q, %v; want %q", tt.flag, tt.retort, tt.database, got, err, tt.want)
		}
	}
	t.Setenv("RETORT_URL", "")
	t.Setenv("DATABASE_URL", "")
	if _, err := (&Config{}).DatabaseURL(""); !errors.Is(err, ErrConfig) {
		t.Errorf("no URL anywhere: err = %v, want ErrConfig", err)
	}
}

func TestSchemaFilesGlobsInOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	os.MkdirAll("s", 0o755)
	os.WriteFile("s/b.sql", []byte("B"), 0o644)
	os.WriteFile("s/a.sql", []byte("A"), 0o644)
	os.WriteFile("first.sql", []byte("F"), 0o644)
	files, err := (&Config{Schema: []string{"first.sql", "s/*.sql", "s/a.sql"}}).SchemaFiles()
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, f := range files {
		got += f.SQL
	}
	if got != "FAB" {
		t.Fatalf("order = %q, want FAB", got)
	}
	if _, err := (&Config{Schema: []string{"nope.sql"}}).SchemaFiles(); !errors.Is(err, ErrConfig) {
		t.Fatalf("missing schema file: err = %v", err)
	}
}

func TestLockWait(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		file    string // retort.toml body; "" = no lock_timeout
		flag    time.Duration
		want    time.Duration
		wantErr bool
	}{
		{"", 0, 0, false},
		{`lock_timeout = "90s"`, 0, 90 * time.Second, false},
		{`lock_timeout = "2m"`, time.Second, time.Second, false},
		{"", 5 * time.Second, 5 * time.Second, false},
		{"", -time.Second, 0, true},
		{`lock_timeout = "60"`, 0, 0, true},
		{`lock_timeout = "-1s"`, 0, 0, true},
		{`lock_timeout = 60`, 0, 0, true},
	}
	for i, tt := range tests {
		path := filepath.Join(dir, fmt.Sprintf("r%d.toml", i))
		os.WriteFile(path, []byte(tt.file+"\n"), 0o644)
		cfg, err := Load(path)
		if err == nil {
			var d time.Duration
			d, err = cfg.LockWait(tt.flag)
			if err == nil && d != tt.want {
				t.Errorf("%s with flag %v: LockWait = %v, want %v", tt.file, tt.flag, d, tt.want)
			}
		}
		if tt.wantErr != errors.Is(err, ErrConfig) || (err != nil && !tt.wantErr) {
			t.Errorf("%s with flag %v: err = %v, want a configuration error: %v", tt.file, tt.flag, err, tt.wantErr)
		}
	}
}
