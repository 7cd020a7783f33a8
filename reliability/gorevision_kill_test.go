package reliability

// kill -9 during a Go revision's CREATE INDEX CONCURRENTLY. The retort
// command cannot load Go revisions, so the process killed is goapp
// (testdata/goapp), a program that embeds retort with the Go revision
// goRev: two o.Online().CreateIndex (t_a_idx on t, u_b_idx on u), each
// run outside a transaction and marked in flight in retort_progress,
// then a plain UPDATE counting the run in runs.n. A Go revision renders
// its statements from the live schema, so once part of it ran it cannot
// resume by number: the rerun must refuse, change nothing and say how to
// go on (docs/execution.md, Go revisions), whatever the server did with
// the build the dead client left.

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goRev = "0c0c00000001"

// goIndexes lists the non-primary indexes of t and u, an INVALID one
// marked: a build done twice shows as a second index (t_a_idx1), a
// REINDEX leftover as *_ccnew.
const goIndexes = `SELECT coalesce(string_agg(c.relname || CASE WHEN x.indisvalid THEN '' ELSE ' INVALID' END, ',' ORDER BY c.relname), '')
	FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
	WHERE x.indrelid IN ('t'::regclass, 'u'::regclass) AND NOT x.indisprimary`

// goProject is a fresh PostgreSQL database with tables t and u (1000
// rows each) and runs (n = 0), migrated by the program app.
type goProject struct {
	*stateProject
	app string
}

// buildGoApp builds testdata/goapp in the retort module, once per test.
func buildGoApp(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("SKIPPED: needs the go command to build a program with Go revisions")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(t.TempDir(), "goapp")
	build := exec.Command("go", "build", "-o", app, "./reliability/testdata/goapp")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./reliability/testdata/goapp failed: %v\n%s", err, out)
	}
	return app
}

func newGoProject(t *testing.T, app string) *goProject {
	t.Helper()
	tg := serverTarget(t, "postgres")
	g := &goProject{stateProject: &stateProject{t: t, work: tempDir(t), tg: tg, db: tg.open(t)}, app: app}
	g.exec(`CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL)`)
	g.exec(`CREATE TABLE u (id int PRIMARY KEY, b int NOT NULL)`)
	g.exec(`CREATE TABLE runs (n int NOT NULL)`)
	g.exec(`INSERT INTO runs VALUES (0)`)
	g.exec(`INSERT INTO t SELECT i, i % 97 FROM generate_series(1, 1000) AS i`)
	g.exec(`INSERT INTO u SELECT i, i % 89 FROM generate_series(1, 1000) AS i`)
	return g
}

// startApp runs app on the project's database in the background.
func (g *goProject) startApp(args ...string) *proc {
	g.t.Helper()
	return startProgram(g.t, g.app, g.work, append([]string{g.tg.url}, args...)...)
}

func (g *goProject) runApp(args ...string) result {
	g.t.Helper()
	return g.startApp(args...).waitWithin(g.t, 2*time.Minute)
}

func (g *goProject) mustRunApp(args ...string) result {
	g.t.Helper()
	r := g.runApp(args...)
	if r.code != 0 {
		g.t.Fatalf("goapp %v: want exit 0, got %s", args, r)
	}
	return r
}

// state is everything a run may change: indexes, the counted runs and
// retort's bookkeeping.
func (g *goProject) state() string {
	g.t.Helper()
	return strings.Join([]string{
		"indexes: " + g.rowsText(goIndexes),
		"runs: " + g.rowsText("SELECT n FROM runs"),
		"retort_version: " + g.rowsText("SELECT revision FROM retort_version ORDER BY revision"),
		"retort_progress: " + g.progress(),
		"retort_history: " + g.rowsText("SELECT revision || ' ' || direction FROM retort_history ORDER BY id"),
	}, "\n")
}

func (g *goProject) expectState(when, want string) {
	g.t.Helper()
	if got := g.state(); got != want {
		g.t.Errorf("%s:\n got: %s\nwant: %s", when, strings.ReplaceAll(got, "\n", "\n      "), strings.ReplaceAll(want, "\n", "\n      "))
	}
}

// goState is the state text for the given parts, history as
// "REV direction" rows.
func goState(indexes, runs, version, progress, history string) string {
	return strings.Join([]string{"indexes: " + indexes, "runs: " + runs, "retort_version: " + version,
		"retort_progress: " + progress, "retort_history: " + history}, "\n")
}

// TestGoRevisionKilledInConcurrentIndex kills goapp while one of the Go
// revision's CREATE INDEX CONCURRENTLY waits for a transaction the test
// holds: a writer of the table (the build is then in the catalog,
// invalid, waiting for it) or SHARE UPDATE EXCLUSIVE (not started yet).
// The server goes on with the dead client's build: the test lets it
// finish, or cancels it (pg_cancel_backend), before the rerun or while
// the rerun waits for the dead run's migration lock. Whatever the catalog
// then holds (a valid index, an INVALID one, none), the rerun must exit
// non-zero with the resume message, change nothing (an INVALID index is
// not taken as built, nothing is recorded as applied, no index is built
// twice), and after doing by hand what the message says (undo and
// resolve --forget, or finish and stamp; through the library, as the
// program holds the revision) the database is at the revision with each
// index built once and valid and the UPDATE applied once.
func TestGoRevisionKilledInConcurrentIndex(t *testing.T) {
	app := buildGoApp(t)
	const (
		writeT = "INSERT INTO t VALUES (100001, 0)"
		lockT  = "LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE"
		writeU = "INSERT INTO u VALUES (100001, 0)"
	)
	for _, tc := range []struct {
		name  string
		block string // the statement of the test's open transaction
		index string // the build it stops
		stmt  int    // that build's statement number
		// cancel cancels the dead run's build instead of letting it
		// finish; whileRerun does either once a rerun waits for the lock.
		cancel, whileRerun bool
		progress           string // retort_progress after the kill
		indexes            string // once the dead run's build has ended
		byHand             []string
		resolve            []string // the goapp command the message leads to
		// cliForget follows the message with the retort command instead:
		// forgetting needs only the revision's id, which it is given.
		cliForget bool
		history   string // retort_history at the end
	}{
		{
			name: "statement 1 finished by the server", block: writeT, index: "t_a_idx", stmt: 1,
			progress: goRev + " done=0 in_flight=1", indexes: "t_a_idx",
			byHand:  []string{"DROP INDEX CONCURRENTLY t_a_idx"},
			resolve: []string{"forget", goRev}, history: goRev + " up",
		},
		{
			name: "statement 1 cancelled before it started", block: lockT, index: "t_a_idx", stmt: 1, cancel: true,
			progress: goRev + " done=0 in_flight=1", indexes: "",
			cliForget: true, history: goRev + " up",
		},
		{
			name: "statement 2 finished by the server while the rerun waits", block: writeU, index: "u_b_idx", stmt: 2, whileRerun: true,
			progress: goRev + " done=1 in_flight=2", indexes: "t_a_idx,u_b_idx",
			byHand:  []string{"UPDATE runs SET n = n + 1"},
			resolve: []string{"stamp", goRev}, history: goRev + " stamp",
		},
		{
			name: "statement 2 cancelled while the rerun waits", block: writeU, index: "u_b_idx", stmt: 2, cancel: true, whileRerun: true,
			progress: goRev + " done=1 in_flight=2", indexes: "t_a_idx,u_b_idx INVALID",
			byHand:  []string{"DROP INDEX CONCURRENTLY u_b_idx", "DROP INDEX CONCURRENTLY t_a_idx"},
			resolve: []string{"forget", goRev}, history: goRev + " up",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newGoProject(t, app)
			release := g.hold(func(tx *sql.Tx) error {
				_, err := tx.Exec(tc.block)
				return err
			})
			pr := g.startApp("upgrade")
			pid := g.pgAt(pr, "CREATE INDEX CONCURRENTLY "+tc.index+" %", "Lock")
			pr.kill(t)
			g.expectRecorded("after the kill", "", tc.progress)

			// The dead run's build ends as the case says; a rerun started
			// before that waits for the lock its session still holds.
			var rerun *proc
			if tc.whileRerun {
				rerun = g.startApp("upgrade")
				g.pgLockWait(rerun, pid)
			}
			if tc.cancel {
				g.exec("SELECT pg_cancel_backend($1)", pid)
				g.pgGone(pid)
				release()
			} else {
				release()
				g.pgGone(pid)
			}
			if rerun == nil {
				g.expectState("after the dead run's build ended", goState(tc.indexes, "0", "", tc.progress, ""))
				rerun = g.startApp("upgrade")
			}
			r := rerun.waitWithin(t, time.Minute)
			if r.code == 0 {
				t.Fatalf("the rerun after the kill: want a refusal, got %s", r)
			}
			t.Logf("the rerun refused (exit %d): %s", r.code, strings.TrimSpace(r.stderr))
			expectOutput(t, "the rerun's refusal", r.stderr, "cannot resume",
				"retort resolve "+goRev+" --forget",
				fmt.Sprintf("statement %d was running when it stopped", tc.stmt),
				`Migrator.Resolve(ctx, "`+goRev+`", retort.Resolution{Forget: true})`, `Migrator.Stamp(ctx, "`+goRev+`")`)
			if ran := ranStatements(r.stdout); ran != "" {
				t.Errorf("the refused rerun ran statements:\n%s", ran)
			}
			if tc.whileRerun {
				expectOutput(t, "the rerun", r.stdout, "waiting for the migration lock", "running: CREATE INDEX CONCURRENTLY "+tc.index)
			}
			g.expectState("after the refused rerun", goState(tc.indexes, "0", "", tc.progress, ""))

			for _, s := range tc.byHand {
				g.exec(s)
			}
			if tc.cliForget {
				if err := os.MkdirAll(filepath.Join(g.work, "migrations"), 0o755); err != nil {
					t.Fatal(err)
				}
				mustRun(t, g.work, "--url", g.tg.url, "resolve", goRev, "--forget")
			} else {
				g.mustRunApp(tc.resolve...)
			}
			g.mustRunApp("upgrade")
			g.expectState("after following the message", goState("t_a_idx,u_b_idx", "1", goRev, "", tc.history))
		})
	}
}

// ranStatements returns the statements goapp's log (Verbose: each one
// indented, before it runs) shows run.
func ranStatements(log string) string {
	var ran []string
	for _, line := range strings.Split(log, "\n") {
		if strings.HasPrefix(line, "    ") {
			ran = append(ran, line)
		}
	}
	return strings.Join(ran, "\n")
}
