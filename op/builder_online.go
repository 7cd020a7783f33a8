package op

// OnlineIndexes are the builder's index calls for a big table, whose
// writes a plain index build or drop would block until it ends: the
// operations they add are Online (see CreateIndex). Get them from
// Builder.Online:
//
//	o.Online().CreateIndex("notes_body_idx", "notes", "body")
type OnlineIndexes struct{ b *Builder }

// Online returns the index calls that build and drop without blocking
// writes where the database can (PostgreSQL: CONCURRENTLY, the revision
// then runs stepwise), as autogenerate writes them for tables of
// --big-table rows or more.
func (b *Builder) Online() *OnlineIndexes { return &OnlineIndexes{b: b} }

// CreateIndex is Builder.CreateIndex, online.
func (o *OnlineIndexes) CreateIndex(name, table string, cols ...string) error {
	return o.b.createIndex(name, table, false, true, cols)
}

// CreateUniqueIndex is Builder.CreateUniqueIndex, online.
func (o *OnlineIndexes) CreateUniqueIndex(name, table string, cols ...string) error {
	return o.b.createIndex(name, table, true, true, cols)
}

// DropIndex is Builder.DropIndex, online.
func (o *OnlineIndexes) DropIndex(table, name string) error { return o.b.dropIndex(table, name, true) }
