package bunschema

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io"
	"strings"
	"sync"
)

// recorder is a database/sql connector whose connections record every
// statement bun executes instead of running it: bun renders DDL only
// while executing it, and Load wants that DDL without a database.
type recorder struct {
	version string

	mu         sync.Mutex
	statements []string
}

func (r *recorder) Connect(context.Context) (driver.Conn, error) { return recordingConn{r}, nil }
func (r *recorder) Driver() driver.Driver                        { return recordingDriver{r} }

type recordingDriver struct{ r *recorder }

func (d recordingDriver) Open(string) (driver.Conn, error) { return recordingConn{d.r}, nil }

type recordingConn struct{ r *recorder }

func (c recordingConn) ExecContext(_ context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 {
		return nil, fmt.Errorf("bunschema: bun passed %d arguments to %s; the DDL must be self-contained", len(args), query)
	}
	c.r.mu.Lock()
	defer c.r.mu.Unlock()
	c.r.statements = append(c.r.statements, query)
	return driver.RowsAffected(0), nil
}

// QueryContext answers bun MySQL dialect's version question; any other
// query would need a real database.
func (c recordingConn) QueryContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Rows, error) {
	if strings.EqualFold(strings.TrimSpace(query), "SELECT version()") && c.r.version != "" {
		return &versionRows{version: c.r.version}, nil
	}
	return nil, fmt.Errorf("bunschema: %s asks a database for data, and Load runs without one", query)
}

func (c recordingConn) Prepare(query string) (driver.Stmt, error) {
	return nil, fmt.Errorf("bunschema: bun prepared %s; Load only records plain statements", query)
}

func (c recordingConn) Close() error { return nil }

// Begin gives a transaction that commits nothing, since nothing ran.
func (c recordingConn) Begin() (driver.Tx, error) { return noTx{}, nil }

type noTx struct{}

func (noTx) Commit() error   { return nil }
func (noTx) Rollback() error { return nil }

type versionRows struct {
	version string
	read    bool
}

func (r *versionRows) Columns() []string { return []string{"version()"} }
func (r *versionRows) Close() error      { return nil }
func (r *versionRows) Next(dest []driver.Value) error {
	if r.read {
		return io.EOF
	}
	r.read = true
	dest[0] = r.version
	return nil
}
