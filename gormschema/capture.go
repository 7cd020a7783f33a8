package gormschema

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"io"
	"sync"
)

// recorder is a database/sql connector for GORM's PostgreSQL and MySQL
// migrators: it keeps every statement executed, in order, and answers
// every query with no rows, which is what an empty database answers to
// the migrator's "does this table exist" questions. Nothing else is
// needed to make GORM write the DDL it would run on an empty server.
type recorder struct {
	mu    sync.Mutex
	stmts []recorded
}

// recorded is one statement GORM executed, with its arguments.
type recorded struct {
	sql  string
	args []any
}

func (r *recorder) Connect(context.Context) (driver.Conn, error) { return &recordConn{r}, nil }
func (r *recorder) Driver() driver.Driver                        { return recordDriver{r} }

// open returns a *sql.DB on the recorder, for a GORM dialector's Conn.
func (r *recorder) open() *sql.DB { return sql.OpenDB(r) }

func (r *recorder) statements() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.stmts...)
}

type recordDriver struct{ r *recorder }

func (d recordDriver) Open(string) (driver.Conn, error) { return &recordConn{d.r}, nil }

type recordConn struct{ r *recorder }

func (c *recordConn) Prepare(query string) (driver.Stmt, error) {
	return &recordStmt{c: c, query: query}, nil
}
func (c *recordConn) Close() error              { return nil }
func (c *recordConn) Begin() (driver.Tx, error) { return recordTx{}, nil }

// CheckNamedValue takes any argument as it is: the recorder keeps
// arguments only to write them into the statement afterwards.
func (c *recordConn) CheckNamedValue(*driver.NamedValue) error { return nil }

func (c *recordConn) ExecContext(_ context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a.Value
	}
	c.r.mu.Lock()
	c.r.stmts = append(c.r.stmts, recorded{sql: query, args: vals})
	c.r.mu.Unlock()
	return driver.RowsAffected(0), nil
}

func (c *recordConn) QueryContext(context.Context, string, []driver.NamedValue) (driver.Rows, error) {
	return noRows{}, nil
}

type recordStmt struct {
	c     *recordConn
	query string
}

func (s *recordStmt) Close() error  { return nil }
func (s *recordStmt) NumInput() int { return -1 }
func (s *recordStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.c.ExecContext(context.Background(), s.query, named(args))
}
func (s *recordStmt) Query([]driver.Value) (driver.Rows, error) { return noRows{}, nil }

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

type recordTx struct{}

func (recordTx) Commit() error   { return nil }
func (recordTx) Rollback() error { return nil }

// noRows is an empty result: no table, column, index or constraint.
type noRows struct{}

func (noRows) Columns() []string         { return []string{"result"} }
func (noRows) Close() error              { return nil }
func (noRows) Next([]driver.Value) error { return io.EOF }
