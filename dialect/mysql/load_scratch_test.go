package mysql

import (
	"testing"
	"time"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

// scratch is MySQL's scratch-database handling for dialecttest's
// scenarios. A cancelled load must return within 2s of the cancel.
var scratch = dialecttest.Scratch{
	Target:        dialecttest.Target{Dialect: Dialect{}, Fresh: testdb.MySQL},
	Name:          &newScratchName,
	Exists:        "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
	List:          "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
	Drop:          func(name string) string { return "DROP DATABASE IF EXISTS " + quote(name) },
	Slow:          "CREATE TABLE s (id INT);\nINSERT INTO s VALUES (1);\nSELECT SLEEP(20) FROM s;\n",
	CrossDatabase: true,
	CancelSlack:   2 * time.Second,
}

func TestLoadDesiredRemovesStaleScratch(t *testing.T) { dialecttest.ScratchSweep(t, scratch) }

func TestLoadDesiredCancelledLeavesNoScratch(t *testing.T) { dialecttest.ScratchCancel(t, scratch) }
