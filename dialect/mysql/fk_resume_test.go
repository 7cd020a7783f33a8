package mysql

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
	"github.com/retortdb/retort/runner"
)

// blockOn is a runner log that, when the statement containing marker is
// about to run, takes a metadata lock on notes in another session, so the
// statement waits and can be killed mid-flight.
type blockOn struct {
	mu     sync.Mutex
	marker string
	holder *sql.Tx
	db     *sql.DB
	buf    bytes.Buffer
	err    error
}

func (b *blockOn) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.holder == nil && bytes.Contains(p, []byte(b.marker)) {
		tx, err := b.db.Begin()
		if err == nil {
			_, err = tx.Exec("SELECT id FROM notes LIMIT 1")
		}
		b.holder, b.err = tx, err
	}
	return b.buf.Write(p)
}

// A run killed while the second ALTER of an in-place key swap waited:
// the rerun finds the schema unchanged since the statement started, runs
// it again (it carries its own foreign_key_checks setting, so nothing of
// the dead session is needed) and the key ends as desired.
func TestFKSwapKilledBetweenAltersResumes(t *testing.T) {
	ctx := context.Background()
	db, u := freshDB(t)
	plainSrc := strings.Replace(usersNotes, "%s", "", 1)
	schematest.Exec(t, db, renderDiff(t, nil, loadDesired(t, u, plainSrc))...)
	fillNotes(t, db, 1000)
	live := schematest.Reflect(t, Dialect{}, db)
	want := loadDesired(t, u, strings.Replace(usersNotes, "%s", " ON DELETE CASCADE", 1))
	_, up := schematest.Migration(t, Dialect{}, live, want, diffOpts)
	if len(up) != 2 || !strings.HasPrefix(up[1], inPlacePrefix) {
		t.Fatalf("want two in-place ALTERs, got %q", up)
	}
	rev := &revision.Revision{ID: "f1", Message: "cascade", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	fsys := fstest.MapFS{revfile.FileName("f1", "cascade"): &fstest.MapFile{Data: revfile.Format(rev, strings.Join(up, ";\n")+";", "SELECT 1;")}}
	revs, err := revfile.LoadWith(fsys, Dialect{}.SplitOptions())
	if err != nil {
		t.Fatal(err)
	}
	g, err := revision.NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	rdb, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	lockDB, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer lockDB.Close()
	log := &blockOn{marker: "DROP FOREIGN KEY `notes_author_id_fkey__retort_swap`", db: lockDB}
	r := &runner.Runner{DB: rdb, Dialect: Dialect{}, Graph: g, Log: log, Verbose: true}

	// Kill the runner's session once its second ALTER waits for the lock.
	killed := make(chan error, 1)
	go func() {
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			var id int64
			err := db.QueryRow("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE '%DROP FOREIGN KEY `notes_author_id_fkey__retort_swap`%' AND STATE LIKE '%metadata lock%' AND ID <> CONNECTION_ID() LIMIT 1").Scan(&id)
			if err == nil {
				_, err = db.Exec("KILL CONNECTION ?", id)
				killed <- err
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		killed <- context.DeadlineExceeded
	}()
	_, upErr := r.Upgrade(ctx, "head")
	if err := <-killed; err != nil {
		t.Fatalf("killing the run: %v (upgrade: %v)\n%s", err, upErr, log.buf.String())
	}
	if upErr == nil {
		t.Fatalf("the killed run reported success\n%s", log.buf.String())
	}
	if log.err != nil {
		t.Fatal(log.err)
	}
	log.holder.Rollback()
	if n := schematest.Count(t, db, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'notes_author_id_fkey__retort_swap'"); n != 1 {
		t.Fatalf("after the kill notes should hold the swap key, has %d", n)
	}

	rdb2, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer rdb2.Close()
	var out bytes.Buffer
	r2 := &runner.Runner{DB: rdb2, Dialect: Dialect{}, Graph: g, Log: &out}
	done, err := r2.Upgrade(ctx, "head")
	if err != nil || len(done) != 1 {
		t.Fatalf("rerun: %v %v\nfirst run:\n%s\nrerun:\n%s", done, err, log.buf.String(), out.String())
	}
	schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, db), want, diffOpts)
	if _, err := db.Exec("INSERT INTO notes (id, author_id, body) VALUES (9999999, 999999999, 'orphan')"); err == nil {
		t.Fatal("an orphan row was accepted after the resumed swap")
	}
	var fkc int
	if err := rdb2.QueryRow("SELECT @@SESSION.foreign_key_checks").Scan(&fkc); err != nil || fkc != 1 {
		t.Fatalf("foreign_key_checks after the run = %d (%v), want 1", fkc, err)
	}
}

// A statement under SET STATEMENT ... FOR is classified like the
// statement itself: an ALTER commits on its own and shows in the schema.
func TestSetStatementPrefixClassified(t *testing.T) {
	cases := []struct {
		stmt   string
		commit bool
		effect dialect.Effect
	}{
		{inPlacePrefix + "ALTER TABLE `t` DROP FOREIGN KEY `a`, ALGORITHM=NOCOPY", true, dialect.EffectSchema},
		{"set statement max_statement_time=5 for  alter table t add column c int", true, dialect.EffectSchema},
		{"SET STATEMENT foreign_key_checks=0 FOR INSERT INTO t VALUES (1)", false, dialect.EffectOpaque},
		{"SET SESSION foreign_key_checks = 0", false, dialect.EffectOpaque},
	}
	for _, tc := range cases {
		if got := (Dialect{}).CommitsImplicitly(tc.stmt); got != tc.commit {
			t.Errorf("CommitsImplicitly(%q) = %v, want %v", tc.stmt, got, tc.commit)
		}
		if got := (Dialect{}).Effect(tc.stmt); got != tc.effect {
			t.Errorf("Effect(%q) = %v, want %v", tc.stmt, got, tc.effect)
		}
	}
}
