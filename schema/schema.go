// Package schema is the dialect-neutral model of a database schema that
// reflection produces, desired-schema loading produces, and diff compares.
package schema

// Schema is a whole database (or the part of it retort manages).
type Schema struct {
	Tables   []*Table
	Views    []*View
	Triggers []*Trigger
	Enums    []*Enum // PostgreSQL enum types; empty elsewhere
	// Objects are the modelled objects other than tables, views,
	// triggers and enums (see SQLObject), sorted by key.
	Objects []*SQLObject
	// Unmanaged lists what the database holds beyond the model (see
	// Object), sorted; diff.Unmanaged compares it.
	Unmanaged []Object
	// Server is the reflected server's version string, set by dialects
	// whose syntax differs between servers (MySQL's INVISIBLE is MariaDB's
	// IGNORED) so their renderers can choose; "" otherwise. Diff ignores it.
	Server string
}

// Table is one base table.
type Table struct {
	Schema      string // namespace (PostgreSQL schema); "" means the default
	Name        string
	Columns     []*Column
	PrimaryKey  *PrimaryKey
	Uniques     []*Unique
	Indexes     []*Index
	ForeignKeys []*ForeignKey
	Checks      []*Check
	Exclusions  []*Exclusion // PostgreSQL EXCLUDE constraints
	Comment     string
	// Options holds dialect table options that must survive a rebuild;
	// diff does not compare them, except "partition_by": a table whose
	// partition key changes is dropped and created. The key set is open, each dialect
	// owning its keys: SQLite "WITHOUT ROWID" and "STRICT" ("true" when
	// set); MySQL "engine", "charset", "collation", and "fk_index:<key>"
	// naming the index InnoDB made for foreign key <key>; PostgreSQL
	// "partition_by" (the partition key definition) and "unlogged"
	// ("true" for an UNLOGGED table).
	Options map[string]string
	// SQL is the table's original CREATE statement when the database keeps
	// one (SQLite); renderers may use it, diff never compares it.
	SQL string
}

// Column is one table column.
type Column struct {
	Name     string
	Type     string // as the dialect spells it, normalized by the dialect
	Nullable bool
	// Default is the default expression as SQL text; nil means no default.
	Default *string
	// AutoIncrement is SQLite AUTOINCREMENT, MySQL AUTO_INCREMENT or a
	// PostgreSQL serial column.
	AutoIncrement bool
	// Identity is set for SQL-standard identity columns.
	Identity Identity
	// IdentityOpts are the identity's sequence options, nil when all are
	// the defaults for the column's type.
	IdentityOpts *SeqOptions
	Generated    *Generated
	Collation    string
	Comment      string
	// NotNullConflict is the ON CONFLICT clause of the column's NOT NULL
	// (SQLite: "ROLLBACK", "FAIL", "IGNORE" or "REPLACE"); "" for none
	// or ABORT, the default. Empty elsewhere and on a nullable column.
	NotNullConflict string
	// Attrs holds dialect-only attributes; diff compares them as plain
	// key/value pairs. The key set is open, each dialect owning its keys:
	// MySQL "on_update" (the ON UPDATE expression), "invisible" ("true")
	// and "charset" (when not the table's).
	Attrs map[string]string
}

// Generated describes a generated (computed) column.
type Generated struct {
	Expr   string
	Stored bool
}

// PrimaryKey is the table's primary key.
type PrimaryKey struct {
	Name    string // "" when the database does not name it
	Columns []string
	Comment string
	// Desc lists the key columns sorted descending (SQLite's PRIMARY KEY
	// (a DESC)); nil where the database keeps no direction for a key.
	Desc []string
	// Include and Params are the key index's INCLUDE columns and WITH
	// storage parameters (PostgreSQL), as on Index.
	Include []string
	Params  string
	// OnConflict is the key's ON CONFLICT clause, as on
	// Column.NotNullConflict (SQLite only).
	OnConflict string
	// Method is the key's algorithm as written (MySQL PRIMARY KEY ...
	// USING BTREE), "" when not written; as on Index.
	Method string
}

// Unique is a UNIQUE constraint (not a unique index created on its own).
type Unique struct {
	Name    string // "" when unnamed (SQLite inline UNIQUE)
	Columns []string
	// Deferrable and InitiallyDeferred apply on PostgreSQL.
	Deferrable        bool
	InitiallyDeferred bool
	NullsNotDistinct  bool // PostgreSQL 15 UNIQUE NULLS NOT DISTINCT
	// Include and Params are the key index's INCLUDE columns and WITH
	// storage parameters (PostgreSQL), as on Index.
	Include []string
	Params  string
	Comment string
	// OnConflict is the constraint's ON CONFLICT clause, as on
	// Column.NotNullConflict (SQLite only).
	OnConflict string
}

// Index is a secondary index.
type Index struct {
	Name   string
	Unique bool
	Parts  []IndexPart
	Where  string // partial-index predicate, "" when none
	Method string // "btree", "gin", "hash"...; "" for the default
	// Invisible is MySQL INVISIBLE / MariaDB IGNORED.
	Invisible bool
	Include   []string // PostgreSQL INCLUDE (non-key) columns
	// Params are the storage parameters of WITH (...), as the dialect
	// spells them ("fillfactor=70, deduplicate_items=off"), "" when none;
	// their order means nothing.
	Params           string
	NullsNotDistinct bool // PostgreSQL 15 UNIQUE ... NULLS NOT DISTINCT
	Comment          string
	// Invalid is a live PostgreSQL index a failed or interrupted build
	// left behind (pg_index.indisvalid false): kept up to date but never
	// used, nor enforcing uniqueness. Only reflection sets it; diff
	// rebuilds such an index.
	Invalid bool
	// SQL is the original CREATE INDEX statement when the database keeps it.
	SQL string
}

// IndexPart is one key part: a column or an expression.
type IndexPart struct {
	Column    string
	Expr      string // set instead of Column for expression parts
	Desc      bool
	Collation string
	OpClass   string // PostgreSQL operator class, "" for the default
	Prefix    int    // MySQL prefix length, 0 for the whole column
	// Nulls is "FIRST" or "LAST" when not the default for the direction
	// (NULLS LAST ascending, NULLS FIRST descending), else "".
	Nulls    string
	Operator string // the WITH operator of an exclusion constraint part
}

// FKAction is a foreign key's referential action (ON DELETE, ON UPDATE),
// spelled as SQL spells it.
type FKAction string

// Referential actions. NoAction is the default; diff treats an empty
// action as NoAction.
const (
	NoAction   FKAction = "NO ACTION"
	Restrict   FKAction = "RESTRICT"
	Cascade    FKAction = "CASCADE"
	SetNull    FKAction = "SET NULL"
	SetDefault FKAction = "SET DEFAULT"
)

// FKMatch is a foreign key's MATCH type, spelled as SQL spells it.
type FKMatch string

// Match types. MatchSimple is the default; diff treats "" as simple.
const (
	MatchSimple  FKMatch = "SIMPLE"
	MatchFull    FKMatch = "FULL"
	MatchPartial FKMatch = "PARTIAL"
)

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string // "" when unnamed (SQLite); matched by content then
	Columns    []string
	RefSchema  string
	RefTable   string
	RefColumns []string
	OnDelete   FKAction // "" is NoAction
	OnUpdate   FKAction
	// DeleteSetColumns are the columns ON DELETE SET NULL / SET DEFAULT
	// sets (PostgreSQL 15 "SET NULL (a)"); nil means all of Columns.
	DeleteSetColumns []string
	// Deferrable and InitiallyDeferred are DEFERRABLE / INITIALLY DEFERRED.
	Deferrable        bool
	InitiallyDeferred bool
	Match             FKMatch // "" is MatchSimple
	// NotValid marks a PostgreSQL constraint not yet validated.
	NotValid bool
	Comment  string
}

// Check is a CHECK constraint.
type Check struct {
	Name      string // "" when unnamed
	Expr      string // the boolean expression, without CHECK and parentheses
	NoInherit bool   // PostgreSQL NO INHERIT
	Comment   string
	// Column is the column a check was written on, where the database
	// keeps that form apart (MariaDB); "" for a table check.
	Column string
}

// Exclusion is a PostgreSQL EXCLUDE constraint: no two rows match on
// every part's Operator. The fields mean what they mean on Index.
type Exclusion struct {
	Name              string
	Method            string // "" for the default (btree)
	Parts             []IndexPart
	Include           []string
	Params            string
	Where             string
	Deferrable        bool
	InitiallyDeferred bool
	Comment           string
}

// SeqOptions are an identity sequence's options.
type SeqOptions struct {
	Start, Increment, Min, Max, Cache int64
	Cycle                             bool
}

// View is a view; Def is the dialect's canonical definition text.
type View struct {
	Schema  string
	Name    string
	Def     string
	SQL     string // full original CREATE VIEW when kept
	Comment string
	// Options are a view's options as "key=value" pairs separated by
	// commas, "" when none; their order means nothing. PostgreSQL: its WITH
	// options as the catalog keeps them ("check_option=local,
	// security_barrier=true"); MySQL: algorithm, sql_security and
	// check_option when not the defaults ("sql_security=INVOKER").
	Options string
	// Materialized: a PostgreSQL materialized view. NoData: it was created
	// WITH NO DATA (not yet refreshed); diff ignores NoData, which a
	// REFRESH changes, and the create uses the desired schema's.
	Materialized, NoData bool
}

// Trigger is a trigger; SQL is the full CREATE TRIGGER statement.
type Trigger struct {
	Schema string
	Name   string
	Table  string
	SQL    string
}

// Enum is a PostgreSQL enum type.
type Enum struct {
	Schema string
	Name   string
	Values []string
}

// Identity is how an identity column is generated ("" when it is not one).
type Identity string

const (
	IdentityAlways    Identity = "ALWAYS"
	IdentityByDefault Identity = "BY DEFAULT"
)
