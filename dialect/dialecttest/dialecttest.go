// Package dialecttest is the conformance suite of the dialect contract:
// it checks on a real database what the doc comments of dialect.Dialect
// promise. Every dialect runs it from its own package test:
//
//	func TestConformance(t *testing.T) {
//		dialecttest.Run(t, dialecttest.Target{Dialect: Dialect{}, Fresh: testdb.Postgres})
//	}
//
// Run runs every part; a dialect that leaves an optional role to
// dialect.Base's defaults calls the parts it claims one by one instead.
package dialecttest

import (
	"context"
	"database/sql"
	"net/url"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// Target is a dialect under test.
type Target struct {
	Dialect dialect.Dialect
	// Fresh returns the URL of a new, empty database that is removed
	// when t ends (testdb.Postgres, testdb.MySQL, a file in t.TempDir()).
	Fresh func(t testing.TB) *url.URL
	// Statements are statements of the dialect's own for Plan to arrange
	// besides what Render produces: those Prepare treats specially
	// (PostgreSQL's CREATE INDEX CONCURRENTLY, SQLite's PRAGMAs).
	Statements []string
}

// Run runs every part of the suite.
func Run(t *testing.T, tg Target) {
	t.Run("Contract", func(t *testing.T) { Contract(t, tg.Dialect) })
	t.Run("Plan", func(t *testing.T) { Plan(t, tg) })
	t.Run("RoundTrip", func(t *testing.T) { RoundTrip(t, tg) })
	t.Run("Example", func(t *testing.T) { Example(t, tg) })
	t.Run("Bookkeeping", func(t *testing.T) { Bookkeeping(t, tg) })
	t.Run("Lock", func(t *testing.T) { Lock(t, tg) })
	t.Run("Errors", func(t *testing.T) { Errors(t, tg) })
}

// open connects to a fresh database of tg, closed when t ends.
func open(t *testing.T, tg Target) (*sql.DB, *url.URL) {
	t.Helper()
	u := tg.Fresh(t)
	db, err := tg.Dialect.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open(%s): %v", dialect.RedactURL(u), err)
	}
	t.Cleanup(func() { db.Close() })
	return db, u
}
