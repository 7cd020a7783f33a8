package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
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
	// The driver may report an interrupted query as a bad connection.
	badConn := func(_ *reflector, ctx context.Context) error { <-ctx.Done(); return driver.ErrBadConn }
	if err := r.runLanes(context.Background(), []step{badConn}, []step{boom}, []step{badConn}); err != errBoom {
		t.Fatalf("runLanes with interrupted lanes failing as bad connections = %v, want %v", err, errBoom)
	}
}

var errBoom = errString("boom")

type errString string

func (e errString) Error() string { return string(e) }

// TestReflectBatches checks that reflecting a pool Open made reads the
// table definitions on the multi-statement connections its driver
// carries, one per batch lane, and that a pool opened without the
// dialect reads them one by one to the same schema.
func TestReflectBatches(t *testing.T) {
	db, u := freshDB(t)
	for i := range 5 {
		schematest.Exec(t, db, fmt.Sprintf("CREATE TABLE t%d (id int, a int, PRIMARY KEY (id) USING HASH, KEY ka (a) USING BTREE) ENGINE=Aria TRANSACTIONAL=0", i))
	}
	ctx := context.Background()
	pool, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	d := pool.Driver().(*poolDriver)
	counted := &countingConnector{Connector: d.batch}
	d.batch = counted
	fromOpen, err := Dialect{}.Reflect(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	opened := counted.n.Load()
	if opened != batchLanes {
		t.Errorf("reflection opened %d multi-statement connection(s), want %d (one per batch lane)", opened, batchLanes)
	}

	plain, err := sql.Open("mysql", testdb.MySQLDSN(u))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	fromPlain, err := Dialect{}.Reflect(ctx, plain)
	if err != nil {
		t.Fatal(err)
	}
	if counted.n.Load() != opened {
		t.Error("reflecting a pool sql.Open made used the other pool's connector")
	}
	if !reflect.DeepEqual(fromPlain, fromOpen) {
		t.Errorf("reflection through sql.Open's pool differs from Open's:\n--- Open:\n%s\n--- sql.Open:\n%s", dump(fromOpen), dump(fromPlain))
	}
	if pk := fromOpen.Tables[0].PrimaryKey; pk == nil || pk.Method != "HASH" {
		t.Errorf("t0's primary key = %+v, want USING HASH (read from its definition)", pk)
	}
}

// countingConnector counts the connections it opens.
type countingConnector struct {
	driver.Connector
	n atomic.Int64
}

func (c *countingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	c.n.Add(1)
	return c.Connector.Connect(ctx)
}
