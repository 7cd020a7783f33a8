// Package dialect is the contract between retort and each database
// family. A dialect is one package (dialect/sqlite, dialect/postgres,
// dialect/mysql) implementing Dialect; everything else talks to it only
// through that interface and its Capabilities, never by its name.
//
// Dialect is made of roles, one concern each: Connector, Reflector,
// Loader, Renderer, Planner, Bookkeeper and ErrorClassifier. Methods
// marked optional have a conservative default in Base, which every
// dialect embeds; the others each dialect writes. The conformance suite
// in dialect/dialecttest checks what the doc comments promise.
package dialect

import (
	"context"
	"database/sql"
)

// Dialect is one database family.
type Dialect interface {
	Connector
	Reflector
	Loader
	Renderer
	Planner
	Bookkeeper
	ErrorClassifier
	// Capabilities states the facts about the database that code outside
	// the dialect packages acts on. It returns the same value every time.
	Capabilities() Capabilities
}

// Querier is satisfied by *sql.DB, *sql.Conn and *sql.Tx.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
