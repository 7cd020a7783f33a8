package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// AddColumn adds a column. A primary-key column cannot be added; Unique
// adds a named UNIQUE constraint with it.
func (b *Builder) AddColumn(table string, c *ColumnSpec) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if c == nil {
			return nil, fmt.Errorf("AddColumn: no column given")
		}
		if c.IsPrimaryKey {
			return nil, fmt.Errorf("AddColumn %s: a primary key column cannot be added to an existing table", c.Name)
		}
		if t.Column(c.Name) != nil {
			return nil, fmt.Errorf("column %s already exists", c.Name)
		}
		col, err := c.build(b.opts.Types)
		if err != nil {
			return nil, err
		}
		ops := []Op{AddColumn{Table: ref, Column: col}}
		if c.IsUnique {
			cols := []string{col.Name}
			ops = append(ops, AddUnique{Table: ref, Unique: &schema.Unique{Name: b.opts.Naming.Name(schema.KindUnique, t.Name, cols), Columns: cols}})
		}
		return ops, nil
	})
}

// DropColumn drops a column (its definition is kept for the reverse).
func (b *Builder) DropColumn(table, column string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		col, err := findColumn(t, column)
		if err != nil {
			return nil, err
		}
		return []Op{DropColumn{Table: ref, Column: cloneColumn(col)}}, nil
	})
}

// RenameColumn renames a column.
func (b *Builder) RenameColumn(table, old, new string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		col, err := findColumn(t, old)
		if err != nil {
			return nil, err
		}
		if t.Column(new) != nil {
			return nil, fmt.Errorf("column %s already exists", new)
		}
		return []Op{RenameColumn{Table: ref, Old: col.Name, New: new}}, nil
	})
}

// ColumnChange is one change AlterColumn makes.
type ColumnChange func(c *schema.Column, types TypeFunc) error

// SetType changes the column's type.
func SetType(t Type) ColumnChange {
	return func(c *schema.Column, types TypeFunc) error {
		s, err := types(t)
		c.Type = s
		return err
	}
}

// SetNullable makes the column nullable (true) or NOT NULL (false).
func SetNullable(nullable bool) ColumnChange {
	return func(c *schema.Column, _ TypeFunc) error { c.Nullable = nullable; return nil }
}

// SetDefault sets the default to a SQL expression.
func SetDefault(expr string) ColumnChange {
	return func(c *schema.Column, _ TypeFunc) error { c.Default = &expr; return nil }
}

// DropDefault removes the default.
func DropDefault() ColumnChange {
	return func(c *schema.Column, _ TypeFunc) error { c.Default = nil; return nil }
}

// AlterColumn changes a column's type, nullability or default.
func (b *Builder) AlterColumn(table, column string, changes ...ColumnChange) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		col, err := findColumn(t, column)
		if err != nil {
			return nil, err
		}
		if len(changes) == 0 {
			return nil, fmt.Errorf("AlterColumn %s: no change given", column)
		}
		to := cloneColumn(col)
		for _, ch := range changes {
			if err := ch(to, b.opts.Types); err != nil {
				return nil, fmt.Errorf("column %s: %w", column, err)
			}
		}
		return []Op{AlterColumn{Table: ref, From: cloneColumn(col), To: to}}, nil
	})
}

func findColumn(t *schema.Table, name string) (*schema.Column, error) {
	if c := t.Column(name); c != nil {
		return c, nil
	}
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c, nil
		}
	}
	return nil, fmt.Errorf("no column %s", name)
}

func cloneColumn(c *schema.Column) *schema.Column {
	t := (&schema.Table{Columns: []*schema.Column{c}}).Clone()
	return t.Columns[0]
}
