package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/shlex"

	"github.com/retortdb/retort/dialect"
)

// DefaultSourceTimeout is how long a program source (exec:, gorm:, ent:,
// bun:) may run when source_timeout is not set.
const DefaultSourceTimeout = 120 * time.Second

// SchemaSource is one entry of schema = [...]: SQL files (a path or a
// glob), a command printing DDL (exec:), or a package of Go ORM models
// (gorm:, ent:, bun:).
type SchemaSource struct {
	Spec    string               // the entry as written, for messages
	Files   []dialect.SourceFile // a path or glob: the files, read
	Command []string             // exec: the program and its arguments
	ORM     string               // "gorm", "ent" or "bun"
	Package string               // the ORM's package, relative to Dir
	// Dir is the config file's directory, where programs run.
	Dir string
}

// ormPrefixes are the schema entries naming a package of Go models.
var ormPrefixes = []string{"gorm", "ent", "bun"}

// SchemaSources reads the desired-schema entries in order: files are
// read now (globs expanded, each pattern's matches sorted, a file named
// twice read once); commands and model packages are checked and run later,
// by the library, for the target dialect.
func (c *Config) SchemaSources() ([]SchemaSource, error) {
	if len(c.Schema) == 0 {
		return nil, fmt.Errorf("%w: no desired schema: set schema = [\"schema.sql\"] in %s", ErrConfig, DefaultFile)
	}
	dir := filepath.Dir(c.where())
	var sources []SchemaSource
	seen := map[string]bool{}
	for _, entry := range c.Schema {
		src, isProgram, err := c.programSource(entry, dir)
		if err != nil {
			return nil, err
		}
		if !isProgram {
			files, err := c.readSchemaFiles(entry, seen)
			if err != nil {
				return nil, err
			}
			src = SchemaSource{Spec: entry, Files: files, Dir: dir}
		}
		sources = append(sources, src)
	}
	return sources, nil
}

// programSource parses an exec:, gorm:, ent: or bun: entry; isProgram is
// false for a file path or glob.
func (c *Config) programSource(entry, dir string) (src SchemaSource, isProgram bool, err error) {
	kind, rest, ok := strings.Cut(entry, ":")
	if !ok {
		return SchemaSource{}, false, nil
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: schema entry %q: %s", ErrConfig, c.where(), entry, fmt.Sprintf(format, args...))
	}
	rest = strings.TrimSpace(rest)
	switch {
	case kind == "exec":
		args, err := shlex.Split(rest)
		if err != nil {
			return SchemaSource{}, true, bad("cannot split the command into words: %v", err)
		}
		if len(args) == 0 {
			return SchemaSource{}, true, bad("no command after exec:")
		}
		return SchemaSource{Spec: entry, Command: args, Dir: dir}, true, nil
	case slices.Contains(ormPrefixes, kind):
		if rest == "" || strings.ContainsAny(rest, " \t") {
			return SchemaSource{}, true, bad("write one package after %s:, such as %s:./models", kind, kind)
		}
		return SchemaSource{Spec: entry, ORM: kind, Package: rest, Dir: dir}, true, nil
	}
	return SchemaSource{}, false, nil
}

// SourceWait is how long a program source may run: source_timeout, or
// DefaultSourceTimeout.
func (c *Config) SourceWait() (time.Duration, error) {
	if c.SourceTimeout == "" {
		return DefaultSourceTimeout, nil
	}
	d, err := time.ParseDuration(c.SourceTimeout)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%w: %s: source_timeout %q is not a positive duration such as \"120s\" or \"5m\"", ErrConfig, c.where(), c.SourceTimeout)
	}
	return d, nil
}
