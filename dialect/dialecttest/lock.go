package dialecttest

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/locktest"
)

// Lock checks the migration lock between two sessions of one database:
// the second waits, reports and times out while the first holds it, and
// gets it once released.
func Lock(t *testing.T, tg Target) {
	db, _ := open(t, tg)
	ctx := context.Background()
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	waiter, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()
	locktest.Exclusion(t, tg.Dialect, holder, waiter, "")
}
