package postgres

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/sqlsplit"
)

// The parallel reflection of a pool reads exactly what one connection
// reads, for every shape of the reflection cases and every kind of
// unmanaged object, with any number of connections.
func TestReflectParallelSameAsSequential(t *testing.T) {
	type shape struct{ name, searchPath, ddl string }
	var shapes []shape
	for _, c := range reflCases {
		shapes = append(shapes, shape{c.name, c.searchPath, c.ddl})
	}
	var inv []string
	for _, c := range invCases {
		if c.minVersion == 0 && c.needs == "" {
			inv = append(append(inv, c.setup...), c.object...)
		}
	}
	shapes = append(shapes, shape{"unmanaged objects and app tables", "", strings.Join(inv, ";\n") + ";\n" + schematest.AppTablesSQL(30)})
	ctx := context.Background()
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			db, _ := reflFresh(t, sh.searchPath)
			stmts, err := sqlsplit.SplitWith(sh.ddl, sqlsplit.PostgreSQL)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range stmts {
				schematest.Exec(t, db, s.SQL)
			}
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			seq, err := Dialect{}.Reflect(ctx, conn) // a connection: one after the other
			conn.Close()
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(sh.name, "unmanaged") && (len(seq.Unmanaged) == 0 || len(seq.Tables) < 30) {
				t.Fatalf("the schema lacks what it is made to hold:\n%s", reflDump(seq))
			}
			for _, n := range []int{2, 3, 8} {
				old := reflWorkers
				reflWorkers = n
				r := newReflector(ctx, db)
				ok, err := r.parallel(db)
				reflWorkers = old
				if err != nil || !ok {
					t.Fatalf("%d connections: parallel reflection ran=%v: %v", n, ok, err)
				}
				reflSortSchema(r.s)
				if !reflect.DeepEqual(r.s, seq) {
					t.Errorf("%d connections: parallel reflection differs from sequential:\nparallel:\n%s\nsequential:\n%s", n, reflDump(r.s), reflDump(seq))
				}
			}
		})
	}
}

// A failing step fails the parallel reflection with its own error, not
// with the cancellation of the steps running beside it, and a cancelled
// context fails it as cancelled.
func TestReflectParallelErrors(t *testing.T) {
	db, _ := reflFresh(t, "")
	schematest.Exec(t, db, schematest.AppTablesSQL(20))
	old := reflSteps
	defer func() { reflSteps = old }()
	reflSteps = append(append([]reflStep(nil), old...), reflStep{what: "boom", after: []string{"tables and views"},
		fn: func(r *reflector) error { return errors.New("exploded") }})
	_, err := Dialect{}.Reflect(context.Background(), db)
	if err == nil || err.Error() != "reflect PostgreSQL boom: exploded" {
		t.Errorf("failing step: got %v, want reflect PostgreSQL boom: exploded", err)
	}
	// A full lock table fails only the parallel run, which then gives
	// way to one statement at a time.
	reflSteps = append(append([]reflStep(nil), old...), reflStep{what: "locks", fn: func(r *reflector) error {
		if _, ok := r.q.(*sql.Tx); ok {
			return &pgconn.PgError{Code: "53200", Message: "out of shared memory"}
		}
		return nil
	}})
	if s, err := (Dialect{}).Reflect(context.Background(), db); err != nil || len(s.Tables) != 20 {
		t.Errorf("out of locks: got %v, want the sequential reflection", err)
	}
	reflSteps = old
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Dialect{}).Reflect(ctx, db); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
}

// A single connection runs the steps in list order, so every step must
// come after the steps it reads.
func TestReflectStepsInDependencyOrder(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range reflSteps {
		for _, a := range st.after {
			if !seen[a] {
				t.Errorf("step %q runs before %q, which it reads", st.what, a)
			}
		}
		if seen[st.what] {
			t.Errorf("step %q is listed twice", st.what)
		}
		seen[st.what] = true
	}
}
