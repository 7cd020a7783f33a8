package runner

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
	"github.com/retortdb/retort/sqlsplit"
)

// target is one database family the suite runs on.
type target struct {
	name  string
	d     dialect.Dialect
	split sqlsplit.Options
	// fresh returns the URL of a new empty database.
	fresh func(t *testing.T) *url.URL
}

// targets lists SQLite and whichever server dialects are registered, so
// the suite grows as dialect packages land.
func targets(t *testing.T) []target {
	t.Helper()
	var out []target
	d, err := dialect.ByName("sqlite")
	if err != nil {
		t.Fatalf("the SQLite dialect is not registered: %v", err)
	}
	out = append(out, target{name: "sqlite", d: d, split: sqlsplit.SQLite, fresh: func(t *testing.T) *url.URL {
		return &url.URL{Scheme: "sqlite", Path: filepath.Join(t.TempDir(), "app.db")}
	}})
	if d, err := dialect.ByName("postgres"); err == nil {
		out = append(out, target{name: "postgres", d: d, split: sqlsplit.PostgreSQL, fresh: func(t *testing.T) *url.URL { return testdb.Postgres(t) }})
	}
	if d, err := dialect.ByName("mysql"); err == nil {
		out = append(out, target{name: "mysql", d: d, split: sqlsplit.MySQL, fresh: func(t *testing.T) *url.URL { return testdb.MySQL(t) }})
	}
	return out
}

// forEach runs fn per dialect on a fresh database.
func forEach(t *testing.T, fn func(t *testing.T, tg target, u *url.URL)) {
	for _, tg := range targets(t) {
		t.Run(tg.name, func(t *testing.T) { fn(t, tg, tg.fresh(t)) })
	}
}

func open(t *testing.T, d dialect.Dialect, u *url.URL) *sql.DB {
	t.Helper()
	db, err := d.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("open %s: %v", dialect.RedactURL(u), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rev is a revision file for a MapFS.
type rev struct {
	id, parents, msg string
	up, down         string
}

func files(revs ...rev) fstest.MapFS {
	fs := fstest.MapFS{}
	for i, r := range revs {
		x := &revision.Revision{ID: r.id, Message: r.msg, Created: time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC)}
		if r.parents != "" {
			x.Parents = strings.Fields(r.parents)
		}
		fs[revfile.FileName(r.id, r.msg)] = &fstest.MapFile{Data: revfile.Format(x, r.up, r.down)}
	}
	return fs
}

func graph(t *testing.T, split sqlsplit.Options, fs fstest.MapFS) *revision.Graph {
	t.Helper()
	revs, err := revfile.LoadWith(fs, split)
	if err != nil {
		t.Fatalf("load revisions: %v", err)
	}
	g, err := revision.NewGraph(revs)
	if err != nil {
		t.Fatalf("graph: %v", err)
	}
	return g
}

// linear is users -> notes (FK to users) -> notes.title.
var linear = []rev{
	{id: "a1", msg: "create users",
		up:   "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);",
		down: "DROP TABLE users;"},
	{id: "a2", parents: "a1", msg: "create notes",
		up:   "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL,\n  body VARCHAR(200),\n  FOREIGN KEY (author_id) REFERENCES users (id));",
		down: "DROP TABLE notes;"},
	{id: "a3", parents: "a2", msg: "add note titles",
		up:   "ALTER TABLE notes ADD COLUMN title VARCHAR(100);",
		down: "ALTER TABLE notes DROP COLUMN title;"},
}

func newRunner(t *testing.T, tg target, u *url.URL, revs ...rev) *Runner {
	t.Helper()
	return &Runner{DB: open(t, tg.d, u), Dialect: tg.d, Graph: graph(t, tg.split, files(revs...))}
}

func mustCurrent(t *testing.T, r *Runner, want ...string) {
	t.Helper()
	got, err := r.Current(context.Background())
	if err != nil {
		t.Fatalf("Current: %v", err)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Current = %v, want %v", got, want)
	}
}

func ids(revs []*revision.Revision) string {
	var s []string
	for _, r := range revs {
		s = append(s, r.ID)
	}
	return strings.Join(s, ",")
}

func hasTable(db *sql.DB, name string) bool {
	_, err := db.Exec("SELECT COUNT(*) FROM " + name)
	return err == nil
}

// history returns "revision:direction" rows in order.
func history(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT revision, direction FROM retort_history ORDER BY id")
	if err != nil {
		t.Fatalf("read history: %v", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r, d string
		if err := rows.Scan(&r, &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s:%s", r, d))
	}
	return out
}
