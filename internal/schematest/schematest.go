// Package schematest holds what the dialect tests share: running
// statements on a test database, reflecting it, and failing when diff
// finds changes between a reflection and the model it should match.
package schematest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Exec runs statements one by one, failing the test at the first error
// with the statement that failed.
func Exec(t testing.TB, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// Count runs q, which gives one number, failing the test with q when it
// cannot.
func Count(t testing.TB, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// Reflector is the part of a dialect Reflect needs.
type Reflector interface {
	Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error)
}

// Reflect reads the schema of db, failing the test when it cannot.
func Reflect(t testing.TB, d Reflector, db *sql.DB) *schema.Schema {
	t.Helper()
	s, err := d.Reflect(context.Background(), db)
	if err != nil {
		t.Fatalf("reflect: %v", err)
	}
	return s
}

// Renderer is the part of a dialect Migration needs.
type Renderer interface {
	Render(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error)
}

// Migration diffs from against to and renders the operations with d,
// failing the test when either step fails.
func Migration(t testing.TB, d Renderer, from, to *schema.Schema, opts diff.Options) ([]op.Op, []string) {
	t.Helper()
	ops, err := diff.Schemas(from, to, opts)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	stmts, err := d.Render(ops, from, dialect.RenderOptions{})
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return ops, stmts
}

// NoDiff fails the test, listing the operations, when diff finds changes
// from got to want. It returns them, so callers can add what helps read
// the failure.
func NoDiff(t testing.TB, got, want *schema.Schema, opts diff.Options) []op.Op {
	t.Helper()
	ops, err := diff.Schemas(got, want, opts)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	if len(ops) == 0 {
		return nil
	}
	var b strings.Builder
	for _, o := range ops {
		fmt.Fprintf(&b, "\n  %s: %#v", o, o)
	}
	t.Errorf("%d operation(s) between schemas that should be equal:%s", len(ops), b.String())
	return ops
}
