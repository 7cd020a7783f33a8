package dialecttest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
	"github.com/retortdb/retort/sqlsplit"
)

// lite is the throwaway fourth dialect of CONTRIBUTING.md's walkthrough:
// SQLite's engine under another name and scheme. It writes the required
// methods, borrowing package sqlite's SQL where a real dialect would
// write its own, loads desired schemas itself, and leaves every optional
// method to dialect.Base: portable types spelled the standard way, every
// statement of a stepwise plan run alone, no error classification, no
// server-side cancel. It claims every part of the suite but Errors.
type lite struct{ dialect.Base }

var engine = sqlite.Dialect{}

func init() { dialect.Register(lite{}) }

func (lite) Name() string                       { return "lite" }
func (lite) Schemes() []string                  { return []string{"lite"} }
func (lite) Capabilities() dialect.Capabilities { return engine.Capabilities() }

func (lite) Open(ctx context.Context, u *url.URL) (*sql.DB, error) { return engine.Open(ctx, u) }
func (lite) Lock(ctx context.Context, conn *sql.Conn, opts dialect.LockOptions) (func() error, error) {
	return engine.Lock(ctx, conn, opts)
}

func (lite) Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error) {
	return engine.Reflect(ctx, q)
}
func (lite) VersionSQL() string { return engine.VersionSQL() }

// LoadDesired loads into a private in-memory database, the only scratch
// database lite knows.
func (l lite) LoadDesired(ctx context.Context, _ *url.URL, devURL string, files []dialect.SourceFile) (*schema.Schema, error) {
	if devURL != "" {
		return nil, fmt.Errorf("dev_url %s: lite loads desired schemas in memory only", devURL)
	}
	db, err := l.Open(ctx, &url.URL{Scheme: "lite", Path: ":memory:"})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	for _, f := range files {
		if err := dialect.ExecFile(ctx, l, conn, f); err != nil {
			return nil, err
		}
	}
	return l.Reflect(ctx, conn)
}
func (lite) SplitOptions() sqlsplit.Options { return sqlsplit.SQLite }
func (lite) Example() (string, string) {
	return "lite://app.db", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);\n"
}

func (lite) Render(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error) {
	return engine.Render(ops, current, opts)
}
func (lite) Quote(ident string) string { return engine.Quote(ident) }

func (lite) Prepare(stmts []string) dialect.Plan { return engine.Prepare(stmts) }
func (lite) BeginSQL() string                    { return engine.BeginSQL() }
func (lite) VersionTablesDDL() []string          { return engine.VersionTablesDDL() }
func (lite) Placeholder(n int) string            { return engine.Placeholder(n) }

// TestStubDialect runs the parts of the suite lite claims.
func TestStubDialect(t *testing.T) {
	tg := Target{
		Dialect: lite{},
		Fresh: func(t testing.TB) *url.URL {
			return &url.URL{Scheme: "lite", Path: filepath.Join(t.TempDir(), "lite.db")}
		},
	}
	t.Run("Contract", func(t *testing.T) { Contract(t, tg.Dialect) })
	t.Run("Plan", func(t *testing.T) { Plan(t, tg) })
	t.Run("RoundTrip", func(t *testing.T) { RoundTrip(t, tg) })
	t.Run("Example", func(t *testing.T) { Example(t, tg) })
	t.Run("Bookkeeping", func(t *testing.T) { Bookkeeping(t, tg) })
	t.Run("Lock", func(t *testing.T) { Lock(t, tg) })
}
