package retort

import (
	"context"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schemasource"
)

// DefaultSourceTimeout is how long Command and GoModels let their program
// run when their Timeout is 0.
const DefaultSourceTimeout = 120 * time.Second

// ErrSource is wrapped by the error of a desired schema that a program
// gives (Command, GoModels) when the program cannot run, fails, prints
// nothing, or runs out of time; the message names the source and shows
// what the program printed on standard error.
var ErrSource = schemasource.ErrSource

// ErrOutsideScope is wrapped by the error of a desired schema that creates
// objects where retort does not reflect (on PostgreSQL, a schema off the
// URL's search_path), which every comparison would leave out unseen.
var ErrOutsideScope = dialect.ErrOutsideScope

// ErrMalformedFile is wrapped by the error of a desired-schema file that
// cannot be split into statements: an unterminated quote or comment, or a
// psql meta-command other than pg_dump's \restrict lines.
var ErrMalformedFile = dialect.ErrMalformedFile

// Command is a desired schema printed by a program: its standard output
// is DDL for the Migrator's dialect. The program runs without a shell.
//
//	retort.Command{Args: []string{"./scripts/schema.sh", "--dialect", "postgres"}}
type Command struct {
	Args    []string      // the program and its arguments
	Dir     string        // its working directory; "" is the current one
	Timeout time.Duration // 0 is DefaultSourceTimeout
	Name    string        // names the source in messages; "" is "exec:" and Args
}

// DesiredSQL implements Desired.
func (c Command) DesiredSQL(ctx context.Context, _ *Migrator) ([]SourceFile, error) {
	name := c.Name
	if name == "" {
		name = "exec:" + strings.Join(c.Args, " ")
	}
	ddl, err := schemasource.Command(ctx, name, c.Dir, c.Args, timeoutOr(c.Timeout))
	if err != nil {
		return nil, err
	}
	return []SourceFile{{Name: name, SQL: ddl}}, nil
}

// GoModels is a desired schema declared as Go ORM models: the models of
// the package Package (GORM: structs embedding gorm.Model or with gorm
// struct tags; ent: the schema package's structs embedding ent.Schema;
// bun: structs embedding bun.BaseModel). retort writes a small loader
// program into a temporary directory of the package's module, runs it
// with the go command on PATH, so the module's own ORM version is used,
// and reads the DDL the ORM creates for the Migrator's dialect. The
// module must require the ORM's loader module
// (github.com/retortdb/retort/gormschema, entschema or bunschema).
type GoModels struct {
	ORM     string        // "gorm", "ent" or "bun"
	Package string        // as the go command takes it, such as "./models"
	Dir     string        // where Package is resolved; "" is the current directory
	Timeout time.Duration // for the whole load, build included; 0 is DefaultSourceTimeout
	Name    string        // names the source in messages; "" is ORM + ":" + Package
}

// DesiredSQL implements Desired.
func (g GoModels) DesiredSQL(ctx context.Context, m *Migrator) ([]SourceFile, error) {
	name := g.Name
	if name == "" {
		name = g.ORM + ":" + g.Package
	}
	ddl, err := schemasource.Models(ctx, name, g.ORM, g.Package, g.Dir, m.d.Name(), timeoutOr(g.Timeout))
	if err != nil {
		return nil, err
	}
	return []SourceFile{{Name: name, SQL: ddl}}, nil
}

// Sources is a desired schema made of several, in order, such as SQL
// files next to GORM models.
type Sources []Desired

// DesiredSQL implements Desired.
func (s Sources) DesiredSQL(ctx context.Context, m *Migrator) ([]SourceFile, error) {
	var files []SourceFile
	for _, d := range s {
		f, err := d.DesiredSQL(ctx, m)
		if err != nil {
			return nil, err
		}
		files = append(files, f...)
	}
	return files, nil
}

func timeoutOr(d time.Duration) time.Duration {
	if d <= 0 {
		return DefaultSourceTimeout
	}
	return d
}
