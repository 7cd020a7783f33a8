package mysql

import (
	"context"
	"database/sql"
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

// sessions is how the tests look at MySQL's sessions.
var sessions = dialecttest.Sessions{
	ID:     "SELECT CONNECTION_ID()",
	Count:  "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?",
	Locked: "SELECT 1 - IS_FREE_LOCK(" + lockExpr + ")",
	Sleep:  "DO SLEEP(30)",
}

func openMySQL(t *testing.T) *sql.DB {
	t.Helper()
	db, err := Dialect{}.Open(context.Background(), testdb.MySQL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestWatchCancel(t *testing.T) {
	dialecttest.WatchCancel(t, Dialect{}, openMySQL(t), sessions)
}

func TestWatchCancelNotCancelled(t *testing.T) {
	dialecttest.WatchNotCancelled(t, Dialect{}, openMySQL(t), sessions)
}
