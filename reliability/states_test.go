package reliability

// Deterministic kill -9 tests, one per execution state of a revision
// (issue #9; RELIABILITY.md lists the states). Each starts `retort
// upgrade head` as a process, waits until the database shows it at exactly
// one point (its statement in pg_stat_activity or PROCESSLIST, blocked on a
// lock the test holds, or SQLite's write lock taken for a logged
// statement), sends SIGKILL there, then checks the rows, what
// retort_version and retort_progress record, and that a rerun reaches head
// with every statement's effect exactly once and `retort check` clean. The
// revisions are in testdata/states/<dialect>/{base,<case>};
// <case>/schema.sql is the desired schema at head.

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Every case's base revision creates 1000 accounts with balances 1..1000;
// the revision under test multiplies them by 100, which must happen once.
const (
	sumBefore = "500500"
	sumAfter  = "50050000"
)

// stateProject is a working directory with one case's revisions, its
// desired schema and a retort.toml, migrating one fresh database.
type stateProject struct {
	t    *testing.T
	work string
	tg   target
	db   *sql.DB
}

// newServerState is a stateProject on a fresh database of the server
// dialect, upgraded to its cases' base revision.
func newServerState(t *testing.T, dialect, caseDir, base string) *stateProject {
	p := newStateProject(t, serverTarget(t, dialect), dialect, caseDir)
	p.mustRun("upgrade", base)
	return p
}

// newStateProject copies testdata/states/<dialectDir>/base and <caseDir>.
func newStateProject(t *testing.T, tg target, dialectDir, caseDir string) *stateProject {
	t.Helper()
	work := tempDir(t)
	files := map[string]string{"retort.toml": "dir = \"migrations\"\nschema = [\"schema.sql\"]\n"}
	for _, d := range []string{"base", caseDir} {
		src := filepath.Join("testdata", "states", dialectDir, d)
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join("migrations", e.Name())
			if e.Name() == "schema.sql" {
				name = "schema.sql"
			}
			files[name] = string(b)
		}
	}
	writeFiles(t, work, files)
	return &stateProject{t: t, work: work, tg: tg, db: tg.open(t)}
}

func (p *stateProject) args(rest ...string) []string {
	return append([]string{"--url", p.tg.url}, rest...)
}

func (p *stateProject) run(args ...string) result { return run(p.t, p.work, p.args(args...)...) }

func (p *stateProject) mustRun(args ...string) result {
	p.t.Helper()
	return mustRun(p.t, p.work, p.args(args...)...)
}

// exec runs a statement as the application would.
func (p *stateProject) exec(q string, args ...any) {
	p.t.Helper()
	if _, err := p.db.Exec(q, args...); err != nil {
		p.t.Fatalf("%s failed: %v", q, err)
	}
}

// rowsText returns q's rows, columns joined by " " and rows by ",".
func (p *stateProject) rowsText(q string, args ...any) string {
	p.t.Helper()
	rows, err := p.db.Query(q, args...)
	if err != nil {
		p.t.Fatalf("%s failed: %v", q, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		p.t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			p.t.Fatalf("%s failed: %v", q, err)
		}
		var fields []string
		for _, v := range vals {
			fields = append(fields, v.String)
		}
		out = append(out, strings.Join(fields, " "))
	}
	if err := rows.Err(); err != nil {
		p.t.Fatalf("%s failed: %v", q, err)
	}
	return strings.Join(out, ",")
}

// expect checks that q returns want (rowsText form).
func (p *stateProject) expect(what, want, q string, args ...any) {
	p.t.Helper()
	if got := p.rowsText(q, args...); got != want {
		p.t.Errorf("%s: got %q, want %q\n  query: %s", what, got, want, q)
	}
}

// expectRecorded checks what retort_version and retort_progress say.
func (p *stateProject) expectRecorded(when, heads, progress string) {
	p.t.Helper()
	p.expect("retort_version "+when, heads, "SELECT revision FROM retort_version ORDER BY revision")
	if got := p.progress(); got != progress {
		p.t.Errorf("retort_progress %s: got %q, want %q", when, got, progress)
	}
}

// progress describes the retort_progress rows: "REV done=N[ in_flight=M][ pending=K]".
func (p *stateProject) progress() string {
	p.t.Helper()
	rows, err := p.db.Query("SELECT revision, statements_done, in_flight, pending FROM retort_progress ORDER BY revision")
	if err != nil {
		p.t.Fatalf("reading retort_progress failed: %v", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var rev string
		var done int
		var inFlight sql.NullInt64
		var pending sql.NullString
		if err := rows.Scan(&rev, &done, &inFlight, &pending); err != nil {
			p.t.Fatalf("reading retort_progress failed: %v", err)
		}
		s := fmt.Sprintf("%s done=%d", rev, done)
		if inFlight.Int64 > 0 {
			s += fmt.Sprintf(" in_flight=%d", inFlight.Int64)
		}
		if pending.String != "" {
			var list []string
			if err := json.Unmarshal([]byte(pending.String), &list); err != nil {
				p.t.Fatalf("retort_progress.pending of %s is not a JSON list: %v", rev, err)
			}
			s += fmt.Sprintf(" pending=%d", len(list))
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		p.t.Fatal(err)
	}
	return strings.Join(out, ",")
}

// expectUps checks that every revision has exactly one 'up' history row.
func (p *stateProject) expectUps(revs ...string) {
	p.t.Helper()
	got := upRows(p.t, p.db)
	want := map[string]int{}
	for _, r := range revs {
		want[r] = 1
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		p.t.Errorf("'up' rows in retort_history: got %v, want %v", got, want)
	}
}

// finish reruns `upgrade head`, which must reach head with nothing left
// in retort_progress and `check` clean; it returns the rerun's output.
func (p *stateProject) finish(head string) string {
	p.t.Helper()
	return p.finished(p.run("upgrade", "head"), head)
}

// finished checks the result of a rerun of `upgrade head` as finish does.
func (p *stateProject) finished(r result, head string) string {
	p.t.Helper()
	if r.code != 0 {
		p.t.Fatalf("rerun of upgrade head: want exit 0, got %s", r)
	}
	p.expectRecorded("after the rerun", head, "")
	if c := p.run("check"); c.code != 0 {
		p.t.Errorf("check after the rerun: want exit 0, got %s", c)
	}
	return r.stderr
}

// expectOutput checks that a run's output holds each of wants.
func expectOutput(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("%s does not say %q:\n%s", what, w, out)
		}
	}
}

// start runs retort in the background; the test's cleanup kills it.
func (p *stateProject) start(args ...string) *proc {
	p.t.Helper()
	return startRetort(p.t, p.work, p.args(args...)...)
}

// waitFor polls cond until it holds; it fails when pr (if any) exits
// first or after 60 s.
func waitFor(t *testing.T, pr *proc, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, err := cond()
		switch {
		case err != nil:
			t.Fatalf("waiting until %s failed: %v", what, err)
		case ok:
			return
		case pr != nil && pr.exited():
			t.Fatalf("retort exited (%v) before %s:\n%s", pr.err, what, &pr.out)
		case time.Now().After(deadline):
			out := ""
			if pr != nil {
				out = pr.out.String()
			}
			t.Fatalf("timed out waiting until %s; retort's output so far:\n%s", what, out)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sessionAt waits until query, run with args, gives the id of a session
// of the test database at the point the test waits for (what), and
// returns it.
func (p *stateProject) sessionAt(pr *proc, what, query string, args ...any) int64 {
	p.t.Helper()
	var id int64
	waitFor(p.t, pr, what, func() (bool, error) {
		err := p.db.QueryRow(query, args...).Scan(&id)
		if err == sql.ErrNoRows {
			return false, nil
		}
		return err == nil, err
	})
	return id
}

// sessionGone waits until count, which counts the sessions whose id is
// its one parameter, finds the killed retort's session ended: only then
// is what it committed final.
func (p *stateProject) sessionGone(count string, id int64) {
	p.t.Helper()
	waitFor(p.t, nil, "the killed retort's session ends", func() (bool, error) {
		var n int
		err := p.db.QueryRow(count, id).Scan(&n)
		return n == 0, err
	})
}

// hold opens a transaction that runs fn and stays open until the returned
// release is called (or the test ends).
func (p *stateProject) hold(fn func(tx *sql.Tx) error) (release func()) {
	p.t.Helper()
	tx, err := p.db.Begin()
	if err != nil {
		p.t.Fatal(err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		p.t.Fatalf("taking the test's lock failed: %v", err)
	}
	var once sync.Once
	release = func() { once.Do(func() { _ = tx.Rollback() }) }
	p.t.Cleanup(release)
	return release
}
