package reliability

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// SQLite execution state (states_test.go): every revision runs in one
// transaction. SQLite shows no running statement, so the kill lands when
// retort has logged the long statement (--verbose) and holds the write
// lock; the statement then runs for seconds, and the output proves the
// next one had not started.

// TestStateSQLiteLongStatementKilled: kill -9 inside a revision's
// transaction while its long INSERT runs; nothing of the revision may be
// recorded or applied, and the rerun applies it once.
func TestStateSQLiteLongStatementKilled(t *testing.T) {
	work := tempDir(t)
	path := filepath.Join(work, "app.sqlite")
	p := newStateProject(t, sqliteTarget(path), "sqlite", "long_insert")
	p.mustRun("upgrade", "a50000000001")

	// A second connection that never waits tells when retort holds the
	// write lock: the revision's BEGIN IMMEDIATE has run.
	probe, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	locked := func() (bool, error) {
		_, err := probe.Exec("BEGIN IMMEDIATE")
		if err == nil {
			_, err = probe.Exec("ROLLBACK")
			return false, err
		}
		if strings.Contains(err.Error(), "SQLITE_BUSY") {
			return true, nil
		}
		return false, err
	}

	pr := p.start("--verbose", "upgrade", "head")
	waitFor(t, pr, "the long INSERT runs inside the revision's transaction", func() (bool, error) {
		if !strings.Contains(pr.out.String(), "INSERT INTO big") {
			return false, nil
		}
		return locked()
	})
	pr.kill(t)
	if out := pr.out.String(); strings.Contains(out, "UPDATE accounts") {
		t.Fatalf("the kill landed after the INSERT had finished:\n%s", out)
	}

	p.expectRecorded("after the kill", "a50000000001", "")
	p.expect("table big after the kill", "0", "SELECT count(*) FROM sqlite_master WHERE name = 'big'")
	p.expect("balances after the kill", sumBefore, "SELECT sum(balance) FROM accounts")

	p.finish("a50000000002")
	p.expect("rows of big after the rerun", "600000 360000600000", "SELECT count(*), sum(v) FROM big")
	p.expect("balances after the rerun (x100 once)", sumAfter, "SELECT sum(balance) FROM accounts")
	p.expectUps("a50000000001", "a50000000002")
	if ic := p.rowsText("PRAGMA integrity_check"); ic != "ok" {
		t.Errorf("PRAGMA integrity_check: %s", ic)
	}
}
