package retort

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Desired is a desired schema: what Diff, DiffSQL, Check and Autogenerate
// take the database to. It gives the schema as SQL for the Migrator's
// dialect, which is loaded into the scratch database (Options.DevURL) and
// reflected back, so the comparison sees it the way the database spells
// it (types, defaults, implicit indexes). "-- retort:renamed-from" hints
// in that SQL decide renames.
//
// SQLFiles, Tables and FromSchema are the kinds retort ships; anything
// that can produce DDL (an ORM, a program printing it) can implement it.
type Desired interface {
	DesiredSQL(ctx context.Context, m *Migrator) ([]SourceFile, error)
}

// SourceFile is one file of desired-schema SQL; Name is for messages.
type SourceFile = dialect.SourceFile

// SQLFiles is a desired schema written as SQL files, in order.
type SQLFiles []SourceFile

// DesiredSQL implements Desired.
func (f SQLFiles) DesiredSQL(context.Context, *Migrator) ([]SourceFile, error) { return f, nil }

// Tables is a desired schema declared in Go, with portable types spelled
// for the Migrator's dialect and its naming convention:
//
//	retort.Tables{
//		op.Table("users", op.Column("id", op.Integer).PrimaryKey(), op.Column("email", op.String(255)).NotNull().Unique()),
//	}
type Tables []*op.TableSpec

// DesiredSQL implements Desired.
func (t Tables) DesiredSQL(_ context.Context, m *Migrator) ([]SourceFile, error) {
	s, err := m.SchemaOf(t...)
	if err != nil {
		return nil, err
	}
	return m.schemaSQL(s)
}

// FromSchema is a desired schema given as a model: one built with
// SchemaOf, or reflected from another database with Inspect.
func FromSchema(s *schema.Schema) Desired { return schemaDesired{s} }

type schemaDesired struct{ s *schema.Schema }

func (d schemaDesired) DesiredSQL(_ context.Context, m *Migrator) ([]SourceFile, error) {
	return m.schemaSQL(d.s)
}

// schemaSQL is the SQL that creates s, as one file.
func (m *Migrator) schemaSQL(s *schema.Schema) ([]SourceFile, error) {
	stmts, err := m.CreateSQL(s)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, st := range stmts {
		b.WriteString(strings.TrimRight(strings.TrimSpace(st), ";"))
		b.WriteString(";\n")
	}
	return []SourceFile{{Name: "desired schema (Go)", SQL: b.String()}}, nil
}

// SchemaOf builds a schema declared in Go, with portable types spelled
// for the Migrator's dialect and its naming convention (Tables does this
// for a desired schema):
//
//	s, err := m.SchemaOf(
//		op.Table("users", op.Column("id", op.Integer).PrimaryKey(), op.Column("email", op.String(255)).NotNull().Unique()),
//	)
func (m *Migrator) SchemaOf(tables ...*op.TableSpec) (*schema.Schema, error) {
	s, err := op.BuildSchema(dialect.TypeFunc(m.d), m.opts.Naming, tables...)
	if err != nil {
		return nil, fmt.Errorf("building the desired schema failed: %w", err)
	}
	return s, nil
}
