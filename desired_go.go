package retort

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// SchemaOf builds a desired schema declared in Go, with portable types
// spelled for the Migrator's dialect and its naming convention:
//
//	want, err := m.SchemaOf(
//		op.Table("users", op.Column("id", op.Integer).PrimaryKey(), op.Column("email", op.String(255)).NotNull().Unique()),
//	)
func (m *Migrator) SchemaOf(tables ...*op.TableSpec) (*schema.Schema, error) {
	s, err := op.BuildSchema(dialect.TypeFunc(m.d), m.opts.Naming, tables...)
	if err != nil {
		return nil, fmt.Errorf("building the desired schema failed: %w", err)
	}
	return s, nil
}

// normalize loads want into the scratch database devURL ("" for the
// dialect's default) and reflects it back, so the comparison sees the
// schema the way the database spells it (types, defaults, implicit
// indexes), exactly as for schema files.
func (m *Migrator) normalize(ctx context.Context, want *schema.Schema, devURL string) (*schema.Schema, error) {
	stmts, err := m.CreateSQL(want)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString(strings.TrimRight(strings.TrimSpace(s), ";"))
		b.WriteString(";\n")
	}
	return m.Desired(ctx, []dialect.SourceFile{{Name: "desired schema (Go)", SQL: b.String()}}, devURL)
}

// DiffTo returns the operations that take the live database to want, a
// schema declared in Go (see SchemaOf). devURL is the scratch database as
// for Desired.
func (m *Migrator) DiffTo(ctx context.Context, want *schema.Schema, devURL string) ([]op.Op, error) {
	ops, _, err := m.diffWith(ctx, func() (*schema.Schema, error) { return m.normalize(ctx, want, devURL) }, AutogenerateOptions{NoRename: true})
	return ops, err
}

// AutogenerateTo is Autogenerate with a desired schema declared in Go;
// renames are decided by opts alone.
func (m *Migrator) AutogenerateTo(ctx context.Context, want *schema.Schema, devURL string, opts ...AutogenerateOptions) (up, down []string, ops []op.Op, err error) {
	return m.autogenerate(ctx, func() ([]op.Op, *schema.Schema, error) {
		return m.diffWith(ctx, func() (*schema.Schema, error) { return m.normalize(ctx, want, devURL) }, mergeAutogenerateOptions(opts))
	})
}
