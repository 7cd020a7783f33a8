package runner

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

func TestOfflineSQL(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 11, 24, 19, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = time.Now })
	sqlite, err := dialect.ByName("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	mysql, err := dialect.ByName("mysql")
	if err != nil {
		t.Fatal(err)
	}
	rebuild := rev{id: "a3", parents: "a2", msg: "cascade notes on user delete",
		up: `PRAGMA foreign_keys = OFF;
CREATE TABLE notes_new (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body VARCHAR(200));
INSERT INTO notes_new SELECT id, author_id, body FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;`,
		down: "SELECT 1;"}
	g := graph(t, sqlsplit.SQLite, files(linear[0], linear[1], rebuild))
	tests := []struct {
		golden string
		d      dialect.Dialect
		g      *revision.Graph
		from   []string
		target string
		down   bool
	}{
		{"offline_sqlite_up.sql", sqlite, g, nil, "head", false},
		{"offline_sqlite_down.sql", sqlite, g, []string{"a3"}, "a1", true},
		{"offline_sqlite_deferred.sql", deferLast{sqlite}, graph(t, sqlsplit.SQLite, files(blocked...)), nil, "head", false},
		{"offline_mysql_up.sql", mysql, graph(t, sqlsplit.MySQL, files(linear...)), []string{"a1"}, "head", false},
		{"offline_branches.sql", sqlite, graph(t, sqlsplit.SQLite, files(branchy...)), []string{"b1"}, "heads", false},
	}
	want := golden.Open(t, filepath.Join("testdata", "offline.txtar"))
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got, err := OfflineSQL(tt.d, tt.g, tt.from, tt.target, tt.down)
			if err != nil {
				t.Fatal(err)
			}
			want.Check(t, tt.golden, got)
		})
	}
	if _, err := OfflineSQL(sqlite, g, nil, "nope", false); !errors.Is(err, revision.ErrInvalid) {
		t.Errorf("unknown target: %v, want ErrInvalid", err)
	}
	if _, err := OfflineSQL(sqlite, g, []string{"zz"}, "head", false); !errors.Is(err, revision.ErrInvalid) {
		t.Errorf("unknown from: %v, want ErrInvalid", err)
	}
}

func TestMigrationErrorText(t *testing.T) {
	r := &revision.Revision{ID: "3f2a9c1e7b10", File: "3f2a9c1e7b10_x.sql"}
	cause := errors.New("no such table: notes")
	tests := []struct {
		e    MigrationError
		want string
	}{
		{MigrationError{Revision: r, Direction: "up", Statement: revision.Statement{SQL: "DROP TABLE notes", Line: 14}, Err: cause},
			"revision 3f2a9c1e7b10 (3f2a9c1e7b10_x.sql:14) failed: no such table: notes\n  statement: DROP TABLE notes"},
		{MigrationError{Revision: r, Direction: "up", Statement: revision.Statement{SQL: "PRAGMA foreign_key_check"}, Err: cause},
			"revision 3f2a9c1e7b10 (3f2a9c1e7b10_x.sql) failed: no such table: notes\n  statement: PRAGMA foreign_key_check"},
		{MigrationError{Revision: r, Direction: "down", Statement: revision.Statement{SQL: "S", Line: 3}, Executed: 2, Total: 5, NotRolledBack: true, Err: cause},
			"revision 3f2a9c1e7b10 (3f2a9c1e7b10_x.sql:3) failed: no such table: notes\n  statement: S\n  statements 1..2 of 5 ran and were NOT rolled back; fix and rerun downgrade to resume at statement 3"},
		{MigrationError{Revision: r, Direction: "up", Statement: revision.Statement{SQL: "S", Line: 3}, Total: 5, NotRolledBack: true, Err: cause},
			"revision 3f2a9c1e7b10 (3f2a9c1e7b10_x.sql:3) failed: no such table: notes\n  statement: S\n  no statement of 5 ran before it; fix and rerun upgrade"},
		{MigrationError{Revision: r, Direction: "up", Statement: revision.Statement{SQL: "S", Line: 3}, Err: cause,
			Message: "out of shared memory (SQLSTATE 53200)\n  hint: You might need to increase max_locks_per_transaction."},
			"revision 3f2a9c1e7b10 (3f2a9c1e7b10_x.sql:3) failed: out of shared memory (SQLSTATE 53200)\n  statement: S\n  hint: You might need to increase max_locks_per_transaction."},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
		if !errors.Is(&tt.e, cause) {
			t.Error("cause not wrapped")
		}
	}
}

// TestOfflineSQLRuns: the offline script, run as-is on SQLite, leaves the
// database where an online upgrade would, and a later online run agrees.
func TestOfflineSQLRuns(t *testing.T) {
	tg := targets(t)[0]
	g := graph(t, tg.split, files(linear...))
	script, err := OfflineSQL(tg.d, g, nil, "a2", false)
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := sqlsplit.SplitWith(script, sqlsplit.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	db := open(t, tg.d, tg.fresh(t))
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.ExecContext(context.Background(), s.SQL); err != nil {
			t.Fatalf("line %d: %v", s.Line, err)
		}
	}
	r := &Runner{DB: db, Dialect: tg.d, Graph: g}
	mustCurrent(t, r, "a2")
	if edited, err := r.Edited(context.Background()); err != nil || len(edited) != 0 {
		t.Fatalf("edited after offline run: %s %v", ids(edited), err)
	}
	if done, err := r.Upgrade(context.Background(), "head"); err != nil || ids(done) != "a3" {
		t.Fatalf("online upgrade after offline: %s %v", ids(done), err)
	}
}
