package postgres

import (
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

// scratch is PostgreSQL's scratch-database handling for dialecttest's
// scenarios.
var scratch = dialecttest.Scratch{
	Target: dialecttest.Target{Dialect: Dialect{}, Fresh: testdb.Postgres},
	Name:   &loadScratchName,
	Exists: "SELECT count(*) FROM pg_database WHERE datname = $1",
	List:   "SELECT datname FROM pg_database WHERE datname LIKE $1",
	Drop:   func(name string) string { return "DROP DATABASE IF EXISTS " + Dialect{}.Quote(name) + " WITH (FORCE)" },
	Slow:   "CREATE TABLE s (id int);\nINSERT INTO s VALUES (1);\nSELECT pg_sleep(10) FROM s;\n",
}

func TestLoadDesiredRemovesStaleScratch(t *testing.T) { dialecttest.ScratchSweep(t, scratch) }

func TestLoadDesiredCancelledLeavesNoScratch(t *testing.T) { dialecttest.ScratchCancel(t, scratch) }
