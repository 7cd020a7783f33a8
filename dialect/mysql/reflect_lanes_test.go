package mysql

import (
	"context"
	"reflect"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// TestReflectLanes reflects one database three ways: through a pool
// (the lanes on connections of their own), through one *sql.Conn and in
// a transaction (the lanes one after another, in that session). All
// three must agree, and the pool must be used concurrently.
func TestReflectLanes(t *testing.T) {
	db, u := freshDB(t)
	var ddl []string
	for _, tc := range reflectCases {
		if tc.name == "index_using_written" || tc.name == "aria_options" || tc.name == "every_action" {
			ddl = append(ddl, tc.ddl...)
		}
	}
	schematest.Exec(t, db, ddl...)
	ctx := context.Background()

	pool, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	fromPool, err := Dialect{}.Reflect(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	if n := pool.Stats().OpenConnections; n < 2 {
		t.Errorf("the pool reflection left %d open connection(s), want the lanes' (more than 1)", n)
	}

	conn, err := pool.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fromConn, err := Dialect{}.Reflect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	fromTx, err := Dialect{}.Reflect(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*schema.Schema{"a *sql.Conn": fromConn, "a *sql.Tx": fromTx} {
		if !reflect.DeepEqual(s, fromPool) {
			t.Errorf("reflection through %s differs from the pool's:\n--- pool:\n%s\n--- %s:\n%s", name, dump(fromPool), name, dump(s))
		}
	}
}

// TestReflectLanesError checks that a failing lane's error comes back,
// not the cancellation it causes in the others.
func TestReflectLanesError(t *testing.T) {
	r := &reflector{db: "x"}
	db, _ := freshDB(t)
	db.SetMaxOpenConns(4)
	r.q = db
	boom := func(*reflector, context.Context) error { return errBoom }
	wait := func(_ *reflector, ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	if err := r.runLanes(context.Background(), []step{wait}, []step{boom}, []step{wait}); err != errBoom {
		t.Fatalf("runLanes = %v, want %v", err, errBoom)
	}
}

var errBoom = errString("boom")

type errString string

func (e errString) Error() string { return string(e) }
