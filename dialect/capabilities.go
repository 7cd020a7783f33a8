package dialect

// Capabilities are facts about a dialect that code outside the dialect
// packages (the runner, lint, diff, naming, the desired-schema cache)
// acts on, so it never tests a dialect's name.
type Capabilities struct {
	// TransactionalDDL: DDL runs inside a transaction and rolls back
	// with it. Without it the runner runs every revision stepwise,
	// recording its progress statement by statement.
	TransactionalDDL bool
	// ImplicitFKIndex: the database indexes every foreign key itself
	// (InnoDB), so an unindexed FK cannot happen.
	ImplicitFKIndex bool
	// NamedPrimaryKey: a primary key's name is part of the schema (later
	// statements refer to it), so diff renames a key whose name differs
	// from the desired one (PostgreSQL; not MySQL's fixed PRIMARY, nor
	// SQLite, which never uses the name).
	NamedPrimaryKey bool
	// SchemaDropRestricts: DROP SCHEMA without CASCADE refuses a schema
	// that still holds objects (PostgreSQL), so only DROP SCHEMA ...
	// CASCADE can lose data; without it (MySQL and MariaDB, where a
	// schema is a database) DROP SCHEMA drops every table it holds.
	SchemaDropRestricts bool
	// DropTableCascades: DROP TABLE runs an implicit DELETE that fires ON
	// DELETE CASCADE unless foreign keys are switched off first (SQLite).
	DropTableCascades bool
	// LockHazards: DDL takes long strong locks that online-safe variants
	// avoid (PostgreSQL: NOT VALID + VALIDATE, CREATE INDEX CONCURRENTLY).
	LockHazards bool
	// FileURLs: a database URL names a file, scheme://path?options
	// (sqlite://app.db, sqlite:///abs/app.db, sqlite://:memory:), rather
	// than a server, and carries no password; see ParseURL.
	FileURLs bool
	// EmbeddedScratch: the scratch database for desired schemas needs no
	// server (SQLite in memory), so no target URL is needed to load one.
	EmbeddedScratch bool
	// NameLimit is the length in bytes that names retort makes up for
	// constraints and indexes are cut to (schema.Naming.MaxLen), at most
	// the database's identifier limit; 0 leaves them whole.
	NameLimit int
	// UnnamedChecks: a CHECK is never dropped by name (any change to one
	// rebuilds the table), so one the schema left unnamed stays unnamed,
	// as the database would keep it, unless a "ck" naming template is
	// set (schema.Naming.KeepUnnamedChecks). SQLite.
	UnnamedChecks bool
	// RebuildPrefix begins the name of the table into which Render
	// copies a table it rebuilds (how SQLite alters what ALTER TABLE
	// cannot); the copy replaces the original under its name. "" when
	// Render never rebuilds.
	RebuildPrefix string
	// TableOptions are the schema.Table.Options keys diff compares
	// (diff.Options.TableOptions): a difference in them is an
	// op.SetTableOptions the dialect renders. Keys not listed are
	// carried along but never compared.
	TableOptions []string
	// RecreateTableOn are the schema.Table.Options keys no ALTER can
	// change (diff.Options.RecreateTableOn): a table whose value differs
	// is dropped and created (PostgreSQL's "partition_by").
	RecreateTableOn []string
}
