package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

// reflCounter counts the queries a reflection sends.
type reflCounter struct {
	dialect.Querier
	n int
}

func (c *reflCounter) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.Querier.QueryContext(ctx, q, args...)
}

func (c *reflCounter) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	c.n++
	return c.Querier.QueryRowContext(ctx, q, args...)
}

// Reflection is catalog-wide: the number of queries does not depend on the
// number of tables.
func TestReflectQueryCountIsFixed(t *testing.T) {
	db, _ := reflFresh(t, "")
	count := func() int {
		c := &reflCounter{Querier: db}
		if _, err := (Dialect{}).Reflect(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return c.n
	}
	schematest.Exec(t, db, "CREATE TABLE t0 (id int PRIMARY KEY)")
	one := count()
	for i := 1; i < 40; i++ {
		schematest.Exec(t, db, fmt.Sprintf("CREATE TABLE t%d (id int PRIMARY KEY, p int REFERENCES t%d, c text UNIQUE CHECK (c <> ''))", i, i-1),
			fmt.Sprintf("CREATE INDEX ON t%d (p)", i))
	}
	if many := count(); many != one || one > 12 {
		t.Fatalf("reflection sent %d queries for 1 table and %d for 40; want the same handful", one, many)
	}
}
