package op

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// ColumnSpec declares a column for CreateTable, AddColumn and Table.
// Columns are nullable unless NotNull (or PrimaryKey) says otherwise.
type ColumnSpec struct {
	Name            string
	Type            Type
	NotNullable     bool
	DefaultSQL      *string
	IsPrimaryKey    bool
	IsUnique        bool
	IsAutoIncrement bool
}

// Column declares a column of type t.
func Column(name string, t Type) *ColumnSpec { return &ColumnSpec{Name: name, Type: t} }

// NotNull makes the column NOT NULL.
func (c *ColumnSpec) NotNull() *ColumnSpec { c.NotNullable = true; return c }

// Default sets the default to a SQL expression (quote strings yourself).
func (c *ColumnSpec) Default(expr string) *ColumnSpec { c.DefaultSQL = &expr; return c }

// PrimaryKey makes the column the table's (single-column) primary key.
func (c *ColumnSpec) PrimaryKey() *ColumnSpec { c.IsPrimaryKey = true; return c }

// Unique adds a single-column UNIQUE constraint named by the naming
// convention.
func (c *ColumnSpec) Unique() *ColumnSpec { c.IsUnique = true; return c }

// AutoIncrement makes the column generate its values.
func (c *ColumnSpec) AutoIncrement() *ColumnSpec { c.IsAutoIncrement = true; return c }

func (c *ColumnSpec) build(types TypeFunc) (*schema.Column, error) {
	if c.Name == "" {
		return nil, fmt.Errorf("a column has no name")
	}
	typ, err := types(c.Type)
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", c.Name, err)
	}
	col := &schema.Column{Name: c.Name, Type: typ, Nullable: !c.NotNullable && !c.IsPrimaryKey,
		AutoIncrement: c.IsAutoIncrement}
	if c.DefaultSQL != nil {
		d := *c.DefaultSQL
		col.Default = &d
	}
	return col, nil
}

// TableElement is a column or a table-level constraint or index.
type TableElement interface {
	addTo(t *schema.Table, types TypeFunc, n schema.Naming) error
}

func (c *ColumnSpec) addTo(t *schema.Table, types TypeFunc, n schema.Naming) error {
	col, err := c.build(types)
	if err != nil {
		return err
	}
	if t.Column(col.Name) != nil {
		return fmt.Errorf("column %s is declared twice", col.Name)
	}
	t.Columns = append(t.Columns, col)
	if c.IsPrimaryKey {
		if t.PrimaryKey != nil {
			return fmt.Errorf("column %s: the table already has a primary key", col.Name)
		}
		t.PrimaryKey = &schema.PrimaryKey{Columns: []string{col.Name}}
	}
	if c.IsUnique {
		cols := []string{col.Name}
		t.Uniques = append(t.Uniques, &schema.Unique{Name: n.Name(schema.KindUnique, t.Name, cols), Columns: cols})
	}
	return nil
}

type elementFunc func(t *schema.Table, types TypeFunc, n schema.Naming) error

func (f elementFunc) addTo(t *schema.Table, types TypeFunc, n schema.Naming) error {
	return f(t, types, n)
}

// PrimaryKey declares a (composite) primary key.
func PrimaryKey(cols ...string) TableElement {
	return elementFunc(func(t *schema.Table, _ TypeFunc, _ schema.Naming) error {
		if t.PrimaryKey != nil {
			return fmt.Errorf("the table already has a primary key")
		}
		t.PrimaryKey = &schema.PrimaryKey{Columns: append([]string(nil), cols...)}
		return nil
	})
}

// FKOptions are a foreign key's behaviour; zero values are the SQL
// defaults (NO ACTION, not deferrable, MATCH SIMPLE).
type FKOptions struct {
	OnDelete, OnUpdate schema.FKAction // schema.Cascade, schema.SetNull...
	// DeleteSetColumns limits ON DELETE SET NULL / SET DEFAULT to these
	// columns (PostgreSQL 15); nil sets every column of the key.
	DeleteSetColumns  []string
	Deferrable        bool
	InitiallyDeferred bool
	Match             schema.FKMatch // schema.MatchFull...
}

func (o FKOptions) fk(name string, cols []string, refTable string, refCols []string) *schema.ForeignKey {
	return &schema.ForeignKey{Name: name, Columns: append([]string(nil), cols...), RefTable: refTable,
		RefColumns: append([]string(nil), refCols...), OnDelete: o.OnDelete, OnUpdate: o.OnUpdate,
		DeleteSetColumns: append([]string(nil), o.DeleteSetColumns...),
		Deferrable:       o.Deferrable || o.InitiallyDeferred, InitiallyDeferred: o.InitiallyDeferred, Match: o.Match}
}

// ForeignKey declares a foreign key; name "" uses the naming convention.
func ForeignKey(name string, cols []string, refTable string, refCols []string, opts FKOptions) TableElement {
	return elementFunc(func(t *schema.Table, _ TypeFunc, n schema.Naming) error {
		if name == "" {
			name = n.Name(schema.KindForeignKey, t.Name, cols)
		}
		fk := opts.fk(name, cols, refTable, refCols)
		if err := checkFK(t, fk); err != nil {
			return err
		}
		t.ForeignKeys = append(t.ForeignKeys, fk)
		return nil
	})
}

// Unique declares a UNIQUE constraint; name "" uses the naming convention.
func Unique(name string, cols ...string) TableElement {
	return elementFunc(func(t *schema.Table, _ TypeFunc, n schema.Naming) error {
		if name == "" {
			name = n.Name(schema.KindUnique, t.Name, cols)
		}
		t.Uniques = append(t.Uniques, &schema.Unique{Name: name, Columns: append([]string(nil), cols...)})
		return nil
	})
}

// Check declares a CHECK constraint; name "" uses the naming convention.
func Check(name, expr string) TableElement {
	return elementFunc(func(t *schema.Table, _ TypeFunc, n schema.Naming) error {
		if name == "" {
			name = n.Name(schema.KindCheck, t.Name, nil)
		}
		t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: expr})
		return nil
	})
}

// Index declares a secondary index; name "" uses the naming convention.
func Index(name string, cols ...string) TableElement { return index(name, false, cols) }

// UniqueIndex declares a unique secondary index.
func UniqueIndex(name string, cols ...string) TableElement { return index(name, true, cols) }

func index(name string, unique bool, cols []string) TableElement {
	return elementFunc(func(t *schema.Table, _ TypeFunc, n schema.Naming) error {
		t.Indexes = append(t.Indexes, indexOf(t.Name, name, unique, cols, n))
		return nil
	})
}

func indexOf(table, name string, unique bool, cols []string, n schema.Naming) *schema.Index {
	if name == "" {
		name = n.Name(schema.KindIndex, table, cols)
	}
	ix := &schema.Index{Name: name, Unique: unique}
	for _, c := range cols {
		ix.Parts = append(ix.Parts, schema.IndexPart{Column: c})
	}
	return ix
}

// checkFK rejects a key whose columns the table lacks or whose column
// lists differ in length.
func checkFK(t *schema.Table, fk *schema.ForeignKey) error {
	if len(fk.Columns) == 0 || len(fk.Columns) != len(fk.RefColumns) {
		return fmt.Errorf("foreign key %s: %d column(s) reference %d column(s) of %s", fk.Name, len(fk.Columns), len(fk.RefColumns), fk.RefTable)
	}
	for _, c := range fk.Columns {
		if t.Column(c) == nil {
			return fmt.Errorf("foreign key %s: table %s has no column %s", fk.Name, t.Name, c)
		}
	}
	return nil
}

// TableSpec declares a whole table; see Table.
type TableSpec struct {
	Name     string
	Elements []TableElement
}

// Table declares a table for a desired schema in Go (see BuildSchema).
func Table(name string, elems ...TableElement) *TableSpec {
	return &TableSpec{Name: name, Elements: elems}
}

// Build makes the table's model with types spelled by types.
func (ts *TableSpec) Build(types TypeFunc, n schema.Naming) (*schema.Table, error) {
	if ts.Name == "" {
		return nil, fmt.Errorf("a table has no name")
	}
	if types == nil {
		types = StandardType
	}
	t := &schema.Table{Name: ts.Name}
	for _, e := range ts.Elements {
		if e == nil {
			continue
		}
		if err := e.addTo(t, types, n); err != nil {
			return nil, fmt.Errorf("table %s: %w", ts.Name, err)
		}
	}
	if len(t.Columns) == 0 {
		return nil, fmt.Errorf("table %s has no columns", ts.Name)
	}
	return t, nil
}

// BuildSchema builds a desired schema declared in Go.
func BuildSchema(types TypeFunc, n schema.Naming, tables ...*TableSpec) (*schema.Schema, error) {
	s := &schema.Schema{}
	for _, ts := range tables {
		t, err := ts.Build(types, n)
		if err != nil {
			return nil, err
		}
		if s.Table("", t.Name) != nil {
			return nil, fmt.Errorf("table %s is declared twice", t.Name)
		}
		s.Tables = append(s.Tables, t)
	}
	return s, nil
}
