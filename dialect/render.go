package dialect

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Renderer is the rendering role: operations to the dialect's SQL.
type Renderer interface {
	// Render turns operations into SQL statements that take current to
	// the schema the operations describe. It does not change current.
	// Run as Prepare arranges them, the statements leave a database
	// that Reflect reads as that schema, spelled the way the database
	// spells it (the way a scratch database loaded with it reflects).
	Render(ops []op.Op, current *schema.Schema, opts RenderOptions) ([]string, error)
	// Quote quotes an identifier so any name, keywords included, is
	// taken literally.
	Quote(ident string) string
	// TypeMapper spells the builder's portable types. Optional: Base
	// uses op.StandardType.
	TypeMapper
	// TypeNarrower tells the type changes that can lose data, which
	// lint and upgrade treat like drops. Optional: Base says every
	// change of type does.
	TypeNarrower
}

// RenderOptions tunes rendering.
type RenderOptions struct {
	// Naming names constraints and indexes that have no name.
	Naming schema.Naming
	// PlainForeignKeys turns off online-safe FK adds (PostgreSQL NOT VALID
	// + VALIDATE) and renders a plain validating ADD CONSTRAINT instead.
	PlainForeignKeys bool
	// BigTable reports whether a table the database already holds has so
	// many rows that building or dropping an index on it must not block
	// writes; table is "schema.name" or "name". Nil: no table is. The
	// dialect decides what that changes (PostgreSQL: CONCURRENTLY).
	BigTable func(table string) bool
}
