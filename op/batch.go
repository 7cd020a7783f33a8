package op

// Batch changes one table; see Builder.BatchAlterTable.
type Batch struct {
	b     *Builder
	table string
}

// BatchAlterTable applies several changes to one table together. The
// changes go in one run, so SQLite renders them as a single table rebuild
// and other databases as plain ALTERs. The first failing change stops
// the batch and is returned.
func (b *Builder) BatchAlterTable(table string, fn func(t *Batch)) error {
	if b.err != nil {
		return b.err
	}
	if _, err := b.table(table); err != nil {
		return b.fail(err)
	}
	fn(&Batch{b: b, table: table})
	return b.err
}

// AddColumn is Builder.AddColumn on the batch's table.
func (t *Batch) AddColumn(c *ColumnSpec) error { return t.b.AddColumn(t.table, c) }

// DropColumn is Builder.DropColumn on the batch's table.
func (t *Batch) DropColumn(name string) error { return t.b.DropColumn(t.table, name) }

// RenameColumn is Builder.RenameColumn on the batch's table.
func (t *Batch) RenameColumn(old, new string) error { return t.b.RenameColumn(t.table, old, new) }

// AlterColumn is Builder.AlterColumn on the batch's table.
func (t *Batch) AlterColumn(name string, changes ...ColumnChange) error {
	return t.b.AlterColumn(t.table, name, changes...)
}

// CreateForeignKey is Builder.CreateForeignKey on the batch's table.
func (t *Batch) CreateForeignKey(name, refTable string, cols, refCols []string, opts FKOptions) error {
	return t.b.CreateForeignKey(name, t.table, refTable, cols, refCols, opts)
}

// DropConstraint is Builder.DropConstraint on the batch's table.
func (t *Batch) DropConstraint(name string) error { return t.b.DropConstraint(t.table, name) }

// DropForeignKeyOn is Builder.DropForeignKeyOn on the batch's table.
func (t *Batch) DropForeignKeyOn(cols []string, refTable string) error {
	return t.b.DropForeignKeyOn(t.table, cols, refTable)
}

// CreateUnique is Builder.CreateUnique on the batch's table.
func (t *Batch) CreateUnique(name string, cols ...string) error {
	return t.b.CreateUnique(name, t.table, cols...)
}

// CreateCheck is Builder.CreateCheck on the batch's table.
func (t *Batch) CreateCheck(name, expr string) error { return t.b.CreateCheck(name, t.table, expr) }

// CreateIndex is Builder.CreateIndex on the batch's table.
func (t *Batch) CreateIndex(name string, cols ...string) error {
	return t.b.CreateIndex(name, t.table, cols...)
}

// DropIndex is Builder.DropIndex on the batch's table.
func (t *Batch) DropIndex(name string) error { return t.b.DropIndex(t.table, name) }
