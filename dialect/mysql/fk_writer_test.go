package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/schematest"
)

// orphanWriter inserts, until stop, rows of notes whose author does not
// exist; every one the server accepts is a moment notes had no key.
type orphanWriter struct {
	attempts, accepted int
	firstErr           error
	wg                 sync.WaitGroup
	stop               chan struct{}
}

func startOrphanWriter(t *testing.T, u *url.URL) *orphanWriter {
	t.Helper()
	db, err := Dialect{}.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	w := &orphanWriter{stop: make(chan struct{})}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		deadline := time.Now().Add(2 * time.Minute)
		for id := 50_000_000; time.Now().Before(deadline); id++ {
			select {
			case <-w.stop:
				return
			default:
			}
			w.attempts++
			_, err := db.Exec("INSERT INTO notes (id, author_id, body) VALUES (?, 999999999, 'orphan')", id)
			if err == nil {
				w.accepted++
			} else if !strings.Contains(err.Error(), "1452") && w.firstErr == nil {
				w.firstErr = err // anything but "a foreign key constraint fails"
			}
		}
	}()
	return w
}

func (w *orphanWriter) finish() { close(w.stop); w.wg.Wait() }

// fillNotes loads users and n notes referencing them, in the database.
func fillNotes(t testing.TB, db *sql.DB, n int) {
	schematest.Exec(t, db,
		"INSERT INTO users SELECT seq, CONCAT('u', seq, '@x') FROM seq_1_to_1000",
		fmt.Sprintf("INSERT INTO notes (id, author_id, body) SELECT seq, 1 + seq %% 1000, 'note' FROM seq_1_to_%d", n))
}

// TestFKNeverMissingUnderConcurrentWriter (issue #10): whatever else
// changes with a key, an orphan row is refused throughout the upgrade.
func TestFKNeverMissingUnderConcurrentWriter(t *testing.T) {
	plain := strings.Replace(usersNotes, "%s", "", 1)
	cascade := strings.Replace(usersNotes, "%s", " ON DELETE CASCADE", 1)
	indexed := strings.Replace(plain, "body TEXT,", "body TEXT,\n  KEY notes_by_author (author_id),", 1)
	cases := []struct{ name, from, to string }{
		{"actions only", plain, cascade},
		{"the key's index replaced", indexed, strings.Replace(cascade, "body TEXT,", "body TEXT,\n  KEY notes_by_author_id (author_id, id),", 1)},
		{"with a column and an index", plain, strings.Replace(cascade, "body TEXT,", "body TEXT,\n  title VARCHAR(20),\n  KEY notes_title (title),", 1)},
		{"with a column type", plain, strings.Replace(cascade, "body TEXT,", "body MEDIUMTEXT,", 1)},
		{"with the referenced table and another", plain, strings.Replace(cascade, "email VARCHAR(255) NOT NULL UNIQUE)", "email VARCHAR(300) NOT NULL UNIQUE, nick VARCHAR(20))", 1) +
			"CREATE TABLE tags (id INT PRIMARY KEY, note_id INT, CONSTRAINT tags_note_fk FOREIGN KEY (note_id) REFERENCES notes (id));\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, u := freshDB(t)
			schematest.Exec(t, db, renderDiff(t, nil, loadDesired(t, u, tc.from))...)
			fillNotes(t, db, 100_000)
			live := schematest.Reflect(t, Dialect{}, db)
			want := loadDesired(t, u, tc.to)
			_, stmts := schematest.Migration(t, Dialect{}, live, want, diffOpts)
			upgradeUnderOrphanWriter(t, db, u, stmts)
			schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), want, diffOpts)
		})
	}
}

// An in-place swap is not validated by the server, so its pre-check must
// find a row the old key did not guard (one written with checks off) and
// refuse the revision before anything runs.
func TestInPlaceSwapPreCheckFindsOrphans(t *testing.T) {
	db, u := freshDB(t)
	schematest.Exec(t, db, renderDiff(t, nil, loadDesired(t, u, strings.Replace(usersNotes, "%s", "", 1)))...)
	fillNotes(t, db, 100)
	schematest.Exec(t, db, "SET SESSION foreign_key_checks = 0",
		"INSERT INTO notes (id, author_id, body) VALUES (1000, 424242, 'orphan')",
		"SET SESSION foreign_key_checks = 1")
	live := schematest.Reflect(t, Dialect{}, db)
	_, stmts := schematest.Migration(t, Dialect{}, live, loadDesired(t, u, strings.Replace(usersNotes, "%s", " ON DELETE CASCADE", 1)), diffOpts)
	plan := Dialect{}.Prepare(stmts)
	if len(plan.PreChecks) != 1 {
		t.Fatalf("want one pre-check, got %q for %q", plan.PreChecks, stmts)
	}
	var got int
	if err := db.QueryRow(plan.PreChecks[0]).Scan(&got); err != nil || got != 424242 {
		t.Fatalf("pre-check %s found %d (%v), want the orphan 424242", plan.PreChecks[0], got, err)
	}
}

// upgradeUnderOrphanWriter runs stmts as the plan arranges them while a
// writer keeps inserting orphan rows, and fails if one got in.
func upgradeUnderOrphanWriter(t *testing.T, db *sql.DB, u *url.URL, stmts []string) {
	t.Helper()
	plan := Dialect{}.Prepare(stmts)
	w := startOrphanWriter(t, u)
	time.Sleep(50 * time.Millisecond)
	for _, q := range plan.PreChecks {
		if n := schematest.Count(t, db, "SELECT COUNT(*) FROM ("+q+") AS x"); n != 0 {
			t.Fatalf("pre-check found %d orphans: %s", n, q)
		}
	}
	for _, s := range plan.Body {
		schematest.Exec(t, db, s)
	}
	time.Sleep(50 * time.Millisecond)
	w.finish()
	if w.firstErr != nil {
		t.Fatalf("writer: %v", w.firstErr)
	}
	if w.accepted > 0 {
		t.Fatalf("%d of %d orphan inserts were accepted during the upgrade:\n%s", w.accepted, w.attempts, strings.Join(stmts, ";\n"))
	}
	if w.attempts < 2 {
		t.Fatalf("the writer made %d attempts; it did not run during the upgrade", w.attempts)
	}
}
