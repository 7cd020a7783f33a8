package mysql

import (
	"context"
	"strings"
	"testing"
)

func TestLock(t *testing.T) {
	ctx := context.Background()
	_, u := freshDB(t)
	db1, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db1.Close()
	db2, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	c1, _ := db1.Conn(ctx)
	defer c1.Close()
	c2, _ := db2.Conn(ctx)
	defer c2.Close()

	old := lockWait
	lockWait = 1
	defer func() { lockWait = old }()

	unlock, err := Dialect{}.Lock(ctx, c1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Dialect{}).Lock(ctx, c2); err == nil || !strings.Contains(err.Error(), "another migration") {
		t.Fatalf("second Lock: want a timeout error, got %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock2, err := Dialect{}.Lock(ctx, c2)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	if err := unlock2(); err != nil {
		t.Fatal(err)
	}
}

func TestPrepareAndBasics(t *testing.T) {
	d := Dialect{}
	p := d.Prepare([]string{"A", "B"})
	if len(p.Body) != 2 || !p.NoTransaction || len(p.Before)+len(p.After)+len(p.Deferred)+len(p.Checks) != 0 {
		t.Errorf("Prepare = %+v", p)
	}
	if d.TransactionalDDL() || d.BeginSQL() != "BEGIN" || d.Placeholder(3) != "?" || d.Name() != "mysql" {
		t.Error("basic facts wrong")
	}
	if got := d.Quote("we`ird"); got != "`we``ird`" {
		t.Errorf("Quote = %s", got)
	}
}
