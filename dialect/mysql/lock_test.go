package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/locktest"
)

// TestLock: the waiter names the holding connection's id, user and
// running statement, gives up after its timeout with ErrLockTimeout, and
// gets the lock once the holder releases it.
func TestLock(t *testing.T) {
	ctx := context.Background()
	_, u := freshDB(t)
	var conns []*sql.Conn
	for range 2 {
		db, err := Dialect{}.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	var id int64
	if err := conns[0].QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&id); err != nil {
		t.Fatal(err)
	}
	locktest.Exclusion(t, Dialect{}, conns[0], conns[1], fmt.Sprintf("connection %d (root@", id))
}

// TestLockReportsHolderQuery: a holder busy with a statement is reported
// with the statement's first line.
func TestLockReportsHolderQuery(t *testing.T) {
	ctx := context.Background()
	_, u := freshDB(t)
	db, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	holder, waiter := locktest.Pair(t, db)
	locktest.ReportsRunning(t, Dialect{}, holder, waiter, "SELECT SLEEP(2)", "Query since ")
}

func TestPrepareAndBasics(t *testing.T) {
	d := Dialect{}
	p := d.Prepare([]string{"A", "B"})
	if len(p.Body) != 2 || !p.NoTransaction || len(p.Before)+len(p.After)+len(p.Deferred)+len(p.Checks) != 0 {
		t.Errorf("Prepare = %+v", p)
	}
	if d.Capabilities().TransactionalDDL || d.BeginSQL() != "BEGIN" || d.Placeholder(3) != "?" || d.Name() != "mysql" {
		t.Error("basic facts wrong")
	}
	if got := d.Quote("we`ird"); got != "`we``ird`" {
		t.Errorf("Quote = %s", got)
	}
}
