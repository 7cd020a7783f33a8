package op

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// ErrNeedsDatabase is wrapped when an operation needs the live schema but
// the builder has none (offline SQL for a Go revision).
var ErrNeedsDatabase = errors.New("needs the live database schema")

// BuilderOptions configure a Builder.
type BuilderOptions struct {
	// Types spells portable types for the target dialect; nil uses
	// StandardType.
	Types TypeFunc
	// Naming names constraints and indexes declared without a name.
	Naming schema.Naming
	// Offline means the live schema is unknown: only tables the revision
	// creates itself can be changed, anything else fails with
	// ErrNeedsDatabase.
	Offline bool
}

// Builder collects the operations of a Go revision, Alembic's op in Go.
// It models the schema as the operations so far leave it, so each call
// can find what it changes (a constraint by name, a column's old type)
// and later calls see earlier ones. The first error sticks: every later
// call returns it, and so does Err, so an unchecked error still fails
// the revision.
type Builder struct {
	start *schema.Schema
	cur   *schema.Schema
	ops   []Op
	opts  BuilderOptions
	err   error
}

// NewBuilder starts from current, the live schema (nil for none).
func NewBuilder(current *schema.Schema, opts BuilderOptions) *Builder {
	if current == nil {
		current = &schema.Schema{}
	}
	if opts.Types == nil {
		opts.Types = StandardType
	}
	return &Builder{start: current.Clone(), cur: current.Clone(), opts: opts}
}

// Ops returns the operations collected so far.
func (b *Builder) Ops() []Op { return append([]Op(nil), b.ops...) }

// Err returns the first error any call returned.
func (b *Builder) Err() error { return b.err }

// Start returns the schema the builder started from; render the
// operations against it.
func (b *Builder) Start() *schema.Schema { return b.start }

// Current returns the schema as the operations so far leave it. Treat it
// as read-only.
func (b *Builder) Current() *schema.Schema { return b.cur }

// fail records err as the builder's error unless one is recorded.
func (b *Builder) fail(err error) error {
	if b.err == nil {
		b.err = err
	}
	return b.err
}

// Add appends operation values as they are, for changes the named
// methods do not cover (comments, views, triggers, enums).
func (b *Builder) Add(ops ...Op) error {
	for _, o := range ops {
		if b.err != nil {
			return b.err
		}
		if err := Apply(b.cur, o); err != nil {
			return b.fail(err)
		}
		b.ops = append(b.ops, o)
	}
	return b.err
}

// table finds a table by name: in the default schema, else the only one
// of that name; "schema.name" names the schema.
func (b *Builder) table(name string) (*schema.Table, error) {
	sch, n := "", name
	if i := strings.IndexByte(name, '.'); i > 0 {
		sch, n = name[:i], name[i+1:]
	}
	if t := b.cur.Table(sch, n); t != nil {
		return t, nil
	}
	var found []*schema.Table
	for _, t := range b.cur.Tables {
		if strings.EqualFold(t.Name, n) && (sch == "" || strings.EqualFold(t.Schema, sch)) {
			found = append(found, t)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, fmt.Errorf("table name %s is ambiguous (%d schemas have one); write schema.table", name, len(found))
	case b.opts.Offline:
		return nil, fmt.Errorf("table %s is not created by this revision, and offline SQL %w; run against a database instead", name, ErrNeedsDatabase)
	}
	return nil, fmt.Errorf("no table %s in the database", name)
}

// onTable runs mk with the named table and adds what it returns.
func (b *Builder) onTable(table string, mk func(t *schema.Table, ref Ref) ([]Op, error)) error {
	if b.err != nil {
		return b.err
	}
	t, err := b.table(table)
	if err != nil {
		return b.fail(err)
	}
	ops, err := mk(t, RefOf(t))
	if err != nil {
		return b.fail(fmt.Errorf("table %s: %w", t.QualifiedName(), err))
	}
	return b.Add(ops...)
}

// CreateTable creates a table from columns, constraints and indexes.
func (b *Builder) CreateTable(name string, elems ...TableElement) error {
	if b.err != nil {
		return b.err
	}
	ts := Table(name, elems...)
	if i := strings.IndexByte(name, '.'); i > 0 {
		ts.Name = name[i+1:]
	}
	t, err := ts.Build(b.opts.Types, b.opts.Naming)
	if err != nil {
		return b.fail(err)
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		t.Schema = name[:i]
	}
	return b.Add(CreateTable{Table: t})
}

// DropTable drops a table (its definition is kept for the reverse).
func (b *Builder) DropTable(name string) error {
	return b.onTable(name, func(t *schema.Table, _ Ref) ([]Op, error) {
		return []Op{DropTable{Table: t.Clone()}}, nil
	})
}

// RenameTable renames a table.
func (b *Builder) RenameTable(old, new string) error {
	return b.onTable(old, func(t *schema.Table, ref Ref) ([]Op, error) {
		return []Op{RenameTable{Schema: ref.Schema, Old: t.Name, New: new}}, nil
	})
}

// Execute runs raw SQL at this point of the revision (data changes).
func (b *Builder) Execute(sql string) error {
	if strings.TrimSpace(sql) == "" {
		return b.fail(errors.New("Execute: the SQL is empty"))
	}
	return b.Add(Execute{Up: sql})
}
