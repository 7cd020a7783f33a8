package dialecttest

import (
	"testing"

	"github.com/retortdb/retort/internal/locktest"
)

// Lock checks the migration lock between two sessions of one database:
// the second waits, reports and times out while the first holds it, and
// gets it once released.
func Lock(t *testing.T, tg Target) {
	db, _ := open(t, tg)
	holder, waiter := locktest.Pair(t, db)
	locktest.Exclusion(t, tg.Dialect, holder, waiter, "")
}
