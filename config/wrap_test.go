package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestErrorsKeepTheirCause: config errors wrap what went wrong, not only
// ErrConfig, so callers can tell a TOML syntax error from a bad glob.
func TestErrorsKeepTheirCause(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("url = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, loadErr := Load(bad)
	_, globErr := (&Config{Schema: []string{"schema/[.sql"}}).SchemaFiles()
	var parse toml.ParseError
	tests := []struct {
		name  string
		err   error
		cause func(error) bool
	}{
		{"TOML syntax", loadErr, func(err error) bool { return errors.As(err, &parse) }},
		{"bad glob", globErr, func(err error) bool { return errors.Is(err, filepath.ErrBadPattern) }},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, ErrConfig) || !tt.cause(tt.err) {
			t.Errorf("%s: %v does not wrap both ErrConfig and its cause", tt.name, tt.err)
		}
	}
}
