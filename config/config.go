// Package config reads retort.toml and resolves the database URL with the
// precedence SPEC.md fixes: --url, RETORT_URL, DATABASE_URL, the file.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/userfile"
	"github.com/retortdb/retort/schema"
)

// ErrConfig marks configuration errors (exit code 2).
var ErrConfig = errors.New("configuration error")

// MissingSchemaError is a schema entry that matches no file; it wraps
// ErrConfig.
type MissingSchemaError struct{ Pattern string }

func (e *MissingSchemaError) Error() string {
	return ErrConfig.Error() + ": schema file " + e.Pattern + " not found"
}

func (e *MissingSchemaError) Unwrap() error { return ErrConfig }

// DefaultFile is the config file looked up in the working directory.
const DefaultFile = "retort.toml"

// Config is retort.toml.
type Config struct {
	URL    string   `toml:"url"`
	Dir    string   `toml:"dir"`
	Schema []string `toml:"schema"`
	DevURL string   `toml:"dev_url"`
	// Naming overrides constraint name templates per kind ("fk", "uq",
	// "ck", "ix", "pk"), e.g. fk = "fk_{table}_{columns}".
	Naming map[string]string `toml:"naming"`
	// PlainForeignKeys renders validating FK adds instead of the
	// online-safe NOT VALID + VALIDATE pair (PostgreSQL).
	PlainForeignKeys bool `toml:"plain_foreign_keys"`
	// MaxFileSize caps every revision and schema file retort reads; 0
	// means 16 MiB.
	MaxFileSize Size `toml:"max_file_size"`
	// LockTimeout is how long a migration waits for another one's lock,
	// as time.ParseDuration reads it ("60s", "5m"); "" is the default, 60 s.
	LockTimeout string `toml:"lock_timeout"`
	// SourceTimeout is how long a program source of the schema (exec:,
	// gorm:, ent:, bun:) may run, as time.ParseDuration reads it; "" is
	// 120 s.
	SourceTimeout string `toml:"source_timeout"`

	// Path is the file the config came from, "" when none was found.
	Path string `toml:"-"`

	// urlErr and devURLErr keep a failed ${VAR} expansion of url and
	// dev_url until the value is used.
	urlErr, devURLErr error
}

// Load reads the config file. A missing default file is not an error (the
// defaults apply); a missing file named with --config is.
func Load(path string) (*Config, error) {
	explicit := path != ""
	if !explicit {
		path = DefaultFile
	}
	cfg := &Config{Dir: "migrations", Schema: []string{"schema.sql"}}
	data, err := userfile.ReadFile(path, "config file "+path, userfile.Limit{})
	switch {
	case err == nil:
	case errors.Is(err, os.ErrNotExist) && !explicit:
		return cfg, nil
	default:
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrConfig, path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return nil, fmt.Errorf("%w: %s: unknown key %q", ErrConfig, path, undecoded[0].String())
	}
	cfg.Path = path
	if err := cfg.expandAll(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrConfig, path, err)
	}
	if _, err := cfg.LockWait(0); err != nil {
		return nil, err
	}
	if _, err := cfg.SourceWait(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// LockWait is how long to wait for another migration's lock: the
// --lock-timeout flag when set (non-zero), else lock_timeout; 0 means the
// library's default.
func (c *Config) LockWait(flag time.Duration) (time.Duration, error) {
	if flag < 0 {
		return 0, fmt.Errorf("%w: --lock-timeout %s is negative", ErrConfig, flag)
	}
	if flag > 0 || c.LockTimeout == "" {
		return flag, nil
	}
	d, err := time.ParseDuration(c.LockTimeout)
	if err != nil || d <= 0 {
		where := c.Path
		if where == "" {
			where = DefaultFile
		}
		return 0, fmt.Errorf("%w: %s: lock_timeout %q is not a positive duration such as \"60s\" or \"5m\"", ErrConfig, where, c.LockTimeout)
	}
	return d, nil
}

// DatabaseURL returns the URL to migrate: the flag, then RETORT_URL, then
// DATABASE_URL, then the file.
func (c *Config) DatabaseURL(flag string) (string, error) {
	for _, u := range []string{flag, os.Getenv("RETORT_URL"), os.Getenv("DATABASE_URL")} {
		if u != "" {
			return u, nil
		}
	}
	if c.urlErr != nil {
		return "", fmt.Errorf("%w: %s: %w", ErrConfig, c.where(), c.urlErr)
	}
	if c.URL != "" {
		return c.URL, nil
	}
	return "", fmt.Errorf("%w: no database URL: set --url, RETORT_URL, DATABASE_URL or url in %s", ErrConfig, DefaultFile)
}

// SchemaFiles reads the desired-schema files, expanding globs, in a stable
// order (each pattern's matches sorted, patterns in the order given). A
// config whose schema holds a program (exec:, gorm:, ent:, bun:) needs
// SchemaSources.
func (c *Config) SchemaFiles() ([]dialect.SourceFile, error) {
	sources, err := c.SchemaSources()
	if err != nil {
		return nil, err
	}
	var files []dialect.SourceFile
	for _, src := range sources {
		if src.Files == nil {
			return nil, fmt.Errorf("%w: schema entry %q is a program, not a file", ErrConfig, src.Spec)
		}
		files = append(files, src.Files...)
	}
	return files, nil
}

// readSchemaFiles reads the files a schema pattern matches, sorted,
// leaving out those seen already.
func (c *Config) readSchemaFiles(pattern string, seen map[string]bool) ([]dialect.SourceFile, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("%w: schema pattern %q: %w", ErrConfig, pattern, err)
	}
	if len(matches) == 0 {
		return nil, &MissingSchemaError{Pattern: pattern}
	}
	sort.Strings(matches)
	files := []dialect.SourceFile{}
	for _, m := range matches {
		if seen[m] {
			continue
		}
		seen[m] = true
		data, err := userfile.ReadFile(m, "schema file "+m, userfile.Limit{Max: int64(c.MaxFileSize), Setting: c.LimitSetting()})
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrConfig, err)
		}
		files = append(files, dialect.SourceFile{Name: m, SQL: string(data)})
	}
	return files, nil
}

// NamingConvention returns the constraint naming convention.
func (c *Config) NamingConvention() schema.Naming {
	return schema.Naming{Templates: c.Naming}
}

// LimitSetting names where MaxFileSize is set, for the error about a
// file over it.
func (c *Config) LimitSetting() string {
	file := c.Path
	if file == "" {
		file = DefaultFile
	}
	return "max_file_size in " + file
}
