package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	t.Setenv("RETORT_T_PW", "s3cr/t")
	t.Setenv("RETORT_T_EMPTY", "")
	tests := []struct {
		in, want, err string
	}{
		{"postgres://u:${RETORT_T_PW}@h/db", "postgres://u:s3cr/t@h/db", ""},
		{"${RETORT_T_UNSET:-sqlite://app.db}", "sqlite://app.db", ""},
		{"${RETORT_T_EMPTY:-fallback}", "fallback", ""},
		{"x${RETORT_T_EMPTY}y", "xy", ""},
		{"$${RETORT_T_PW} and $HOME", "${RETORT_T_PW} and $HOME", ""},
		{"no refs", "no refs", ""},
		{"${RETORT_T_UNSET}", "", "environment variable RETORT_T_UNSET is not set"},
		{"${RETORT_T_PW", "", "unterminated ${"},
		{"${1BAD}", "", "is not ${VAR} or ${VAR:-default}"},
	}
	for _, tt := range tests {
		got, err := expand("url", tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("expand(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("expand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestLoadExpandsEnvironment(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "retort.toml")
	src := "url = \"postgres://app:${RETORT_T_PW}@${RETORT_T_HOST:-127.0.0.1}/app\"\nschema = [\"${RETORT_T_SCHEMA:-schema.sql}\"]\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("RETORT_T_PW", "pw")
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.URL != "postgres://app:pw@127.0.0.1/app" || cfg.Schema[0] != "schema.sql" {
		t.Errorf("url %q schema %q", cfg.URL, cfg.Schema)
	}
	os.Unsetenv("RETORT_T_PW")
	cfg, err = Load(path)
	if err != nil {
		t.Fatalf("an unset variable in url fails only when url is used: %v", err)
	}
	if _, err := cfg.DatabaseURL(""); err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "url: environment variable RETORT_T_PW is not set") {
		t.Errorf("unset variable: %v", err)
	}
	t.Setenv("RETORT_URL", "sqlite://ci.db")
	if u, err := cfg.DatabaseURL(""); err != nil || u != "sqlite://ci.db" {
		t.Errorf("RETORT_URL over an unexpandable url: %q %v", u, err)
	}
}
