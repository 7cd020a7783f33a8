package dialect

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/schema"
)

// KeyedReflector is implemented by a dialect whose Reflect result is a
// pure function of text the database keeps about its schema (SQLite:
// sqlite_master) and of the database software that reads it, so a
// reflected schema can be reused while that text stays the same.
// Optional: a server's catalogs change in ways no cheap query summarizes,
// so server dialects reflect every time.
type KeyedReflector interface {
	// ReflectKeyed reads the key (bytes that differ whenever Reflect could
	// return a different schema) and, unless cached has a schema for it,
	// reflects; both in one read snapshot of db, so the key always belongs
	// to the schema returned. hit says the schema is cached's.
	ReflectKeyed(ctx context.Context, db *sql.DB, cached func(key []byte) *schema.Schema) (s *schema.Schema, key []byte, hit bool, err error)
}
