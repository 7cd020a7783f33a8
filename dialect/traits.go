package dialect

// Traits are facts about a dialect that tools outside the dialect
// packages (lint) act on, so they never test a dialect's name.
type Traits struct {
	// ImplicitFKIndex: the database indexes every foreign key itself
	// (InnoDB), so an unindexed FK cannot happen.
	ImplicitFKIndex bool
	// DropTableCascades: DROP TABLE runs an implicit DELETE that fires ON
	// DELETE CASCADE unless foreign keys are switched off first (SQLite).
	DropTableCascades bool
	// LockHazards: DDL takes long strong locks that online-safe variants
	// avoid (PostgreSQL: NOT VALID + VALIDATE, CREATE INDEX CONCURRENTLY).
	LockHazards bool
	// EmbeddedScratch: the scratch database for desired schemas needs no
	// server (SQLite in memory), so no target URL is needed to load one.
	EmbeddedScratch bool
}

// TraitsOf returns a dialect's traits; dialects without any return zero.
func TraitsOf(d Dialect) Traits {
	if t, ok := d.(interface{ Traits() Traits }); ok {
		return t.Traits()
	}
	return Traits{}
}
