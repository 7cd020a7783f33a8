package op

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// CreateForeignKey adds a foreign key on table; name "" uses the naming
// convention.
func (b *Builder) CreateForeignKey(name, table, refTable string, cols, refCols []string, opts FKOptions) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if name == "" {
			name = b.opts.Naming.Name(schema.KindForeignKey, t.Name, cols)
		}
		fk := opts.fk(name, cols, refTable, refCols)
		if i := strings.IndexByte(refTable, '.'); i > 0 {
			fk.RefSchema, fk.RefTable = refTable[:i], refTable[i+1:]
		}
		if err := checkFK(t, fk); err != nil {
			return nil, err
		}
		if _, err := b.table(refTable); err != nil && !selfRef(t, refTable) {
			return nil, fmt.Errorf("foreign key %s: %w", name, err)
		}
		if findConstraint(t, name) != nil {
			return nil, fmt.Errorf("a constraint named %s already exists", name)
		}
		return []Op{AddForeignKey{Table: ref, FK: fk}}, nil
	})
}

func selfRef(t *schema.Table, name string) bool { return t.Name == name }

// CreateUnique adds a UNIQUE constraint; name "" uses the naming
// convention.
func (b *Builder) CreateUnique(name, table string, cols ...string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if name == "" {
			name = b.opts.Naming.Name(schema.KindUnique, t.Name, cols)
		}
		if err := hasColumns(t, cols); err != nil {
			return nil, err
		}
		return []Op{AddUnique{Table: ref, Unique: &schema.Unique{Name: name, Columns: append([]string(nil), cols...)}}}, nil
	})
}

// CreateCheck adds a CHECK constraint with a boolean SQL expression.
func (b *Builder) CreateCheck(name, table, expr string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if name == "" {
			return nil, fmt.Errorf("CreateCheck: the constraint needs a name, so it can be dropped later")
		}
		return []Op{AddCheck{Table: ref, Check: &schema.Check{Name: name, Expr: expr}}}, nil
	})
}

// DropConstraint drops the foreign key, unique, check, exclusion or
// primary key named name, found in the table as the database reports it. Unnamed
// constraints cannot be dropped by name; see DropForeignKeyOn.
func (b *Builder) DropConstraint(table, name string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if name == "" {
			return nil, fmt.Errorf("DropConstraint: no constraint name given")
		}
		switch c := findConstraint(t, name).(type) {
		case *schema.ForeignKey:
			return []Op{DropForeignKey{Table: ref, FK: applyCloneFK(c)}}, nil
		case *schema.Unique:
			u := *c
			u.Columns = append([]string(nil), c.Columns...)
			return []Op{DropUnique{Table: ref, Unique: &u}}, nil
		case *schema.Check:
			k := *c
			return []Op{DropCheck{Table: ref, Check: &k}}, nil
		case *schema.PrimaryKey:
			pk := *c
			pk.Columns = append([]string(nil), c.Columns...)
			return []Op{AlterPrimaryKey{Table: ref, From: &pk}}, nil
		case *schema.Exclusion:
			x := *c
			x.Parts = append([]schema.IndexPart(nil), c.Parts...)
			x.Include = append([]string(nil), c.Include...)
			return []Op{DropExclusion{Table: ref, Exclusion: &x}}, nil
		}
		if t.Index(name) != nil {
			return nil, fmt.Errorf("%s is an index, not a constraint; use DropIndex", name)
		}
		return nil, fmt.Errorf("no constraint named %s (it has %s)", name, constraintNames(t))
	})
}

// DropForeignKeyOn drops the foreign key from cols to refTable, matched by
// content: the way to drop a key the database keeps unnamed (SQLite).
func (b *Builder) DropForeignKeyOn(table string, cols []string, refTable string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		var found []*schema.ForeignKey
		for _, fk := range t.ForeignKeys {
			if schema.SameColumns(fk.Columns, cols) && strings.EqualFold(fk.RefTable, refTable) {
				found = append(found, fk)
			}
		}
		if len(found) != 1 {
			return nil, fmt.Errorf("%d foreign keys go from %v to %s, want exactly 1", len(found), cols, refTable)
		}
		return []Op{DropForeignKey{Table: ref, FK: applyCloneFK(found[0])}}, nil
	})
}

// findConstraint returns the named constraint of t (exact name first,
// then case-insensitively), or nil.
func findConstraint(t *schema.Table, name string) any {
	for _, eq := range []func(a, b string) bool{func(a, b string) bool { return a == b }, strings.EqualFold} {
		for _, fk := range t.ForeignKeys {
			if fk.Name != "" && eq(fk.Name, name) {
				return fk
			}
		}
		for _, u := range t.Uniques {
			if u.Name != "" && eq(u.Name, name) {
				return u
			}
		}
		for _, c := range t.Checks {
			if c.Name != "" && eq(c.Name, name) {
				return c
			}
		}
		if pk := t.PrimaryKey; pk != nil && pk.Name != "" && eq(pk.Name, name) {
			return pk
		}
		for _, x := range t.Exclusions {
			if x.Name != "" && eq(x.Name, name) {
				return x
			}
		}
	}
	return nil
}

func constraintNames(t *schema.Table) string {
	var names []string
	for _, fk := range t.ForeignKeys {
		names = append(names, nameOr(fk.Name, "unnamed foreign key"))
	}
	for _, u := range t.Uniques {
		names = append(names, nameOr(u.Name, "unnamed unique"))
	}
	for _, c := range t.Checks {
		names = append(names, nameOr(c.Name, "unnamed check"))
	}
	for _, x := range t.Exclusions {
		names = append(names, nameOr(x.Name, "unnamed exclusion"))
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

func nameOr(name, alt string) string {
	if name == "" {
		return alt
	}
	return name
}

func hasColumns(t *schema.Table, cols []string) error {
	if len(cols) == 0 {
		return fmt.Errorf("no columns given")
	}
	for _, c := range cols {
		if _, err := findColumn(t, c); err != nil {
			return err
		}
	}
	return nil
}

// CreateIndex creates an index; name "" uses the naming convention.
func (b *Builder) CreateIndex(name, table string, cols ...string) error {
	return b.createIndex(name, table, false, false, cols)
}

// CreateUniqueIndex creates a unique index.
func (b *Builder) CreateUniqueIndex(name, table string, cols ...string) error {
	return b.createIndex(name, table, true, false, cols)
}

func (b *Builder) createIndex(name, table string, unique, online bool, cols []string) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		if err := hasColumns(t, cols); err != nil {
			return nil, err
		}
		ix := indexOf(t.Name, name, unique, cols, b.opts.Naming)
		if t.Index(ix.Name) != nil {
			return nil, fmt.Errorf("index %s already exists", ix.Name)
		}
		return []Op{CreateIndex{Table: ref, Index: ix, Online: online}}, nil
	})
}

// DropIndex drops the named index of table.
func (b *Builder) DropIndex(table, name string) error { return b.dropIndex(table, name, false) }

func (b *Builder) dropIndex(table, name string, online bool) error {
	return b.onTable(table, func(t *schema.Table, ref Ref) ([]Op, error) {
		for _, ix := range t.Indexes {
			if ix.Name == name || strings.EqualFold(ix.Name, name) {
				c := *ix
				c.Parts = append([]schema.IndexPart(nil), ix.Parts...)
				return []Op{DropIndex{Table: ref, Index: &c, Online: online}}, nil
			}
		}
		return nil, fmt.Errorf("no index named %s", name)
	})
}
