package corpus

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/testdb"
)

// casesDir is the corpus, relative to this package.
const casesDir = "../../testdata/cases"

// defaultParallel is how many cases run at once unless -parallel says
// otherwise: they wait on the servers far more than on the CPU.
const defaultParallel = "8"

func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", defaultParallel)
	}
	os.Exit(m.Run())
}

// target is one database the corpus runs on: its cases directory, a fresh
// empty database for each call, and its catalog snapshot.
type target struct {
	dir     string
	dialect dialect.Dialect
	fresh   func(t testing.TB) *url.URL
	catalog func(ctx context.Context, u *url.URL) ([]string, error)
	// ready fails or skips the test when a tool the snapshot needs is missing.
	ready func(t *testing.T)
	// empty, when set, makes the cases borrow pooled databases (see
	// dbPool), their scratch database too (Options.DevURL).
	empty func(ctx context.Context, u *url.URL) error
	// devURL lends a case its scratch database; nil leaves it to retort.
	devURL func(t testing.TB) string
}

var targets = []target{
	{dir: "sqlite", dialect: sqlite.Dialect{}, fresh: freshSQLite, catalog: sqliteCatalog},
	{dir: "postgres", dialect: postgres.Dialect{}, fresh: testdb.Postgres, catalog: postgresCatalog, ready: needPgDump, empty: emptyPostgres},
	{dir: "mysql", dialect: mysql.Dialect{}, fresh: testdb.MySQL, catalog: mysqlCatalog},
}

func freshSQLite(t testing.TB) *url.URL {
	u, err := url.Parse("sqlite://" + filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestCorpus runs every case of testdata/cases (docs/cases.md). A case
// listed in testdata/cases/KNOWN_FAILURES must fail, with any reason; the
// test fails when it passes, so the line is removed.
func TestCorpus(t *testing.T) {
	known, err := knownFailures(filepath.Join(casesDir, "KNOWN_FAILURES"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, tg := range targets {
		files, err := caseFiles(filepath.Join(casesDir, tg.dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			listed[tg.dir+"/"+strings.TrimSuffix(filepath.Base(f), ".txtar")] = true
		}
		t.Run(tg.dir, func(t *testing.T) {
			t.Parallel() // each dialect has its own server
			if tg.ready != nil {
				tg.ready(t)
			}
			if tg.empty != nil {
				pool := &dbPool{owner: t, fresh: tg.fresh, empty: tg.empty}
				tg.fresh = pool.get
				tg.devURL = func(t testing.TB) string { return pool.get(t).String() }
			}
			// One database first: a missing server skips (or, in CI,
			// fails) the dialect once, not case by case.
			tg.fresh(t)
			start := time.Now()
			t.Cleanup(func() { t.Logf("%d cases in %s", len(files), time.Since(start).Round(time.Millisecond)) })
			for _, f := range files {
				c, err := readCase(f)
				if err != nil {
					t.Error(err)
					continue
				}
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					problems := runCase(t, tg, c)
					id := tg.dir + "/" + c.name
					reason, isKnown := known[id]
					switch {
					case isKnown && len(problems) == 0:
						t.Errorf("%s passes but testdata/cases/KNOWN_FAILURES lists it (%s): remove its line", id, reason)
					case isKnown:
						t.Logf("known failure (%s):\n%s", reason, strings.Join(problems, "\n"))
					case len(problems) > 0:
						t.Errorf("%s (%s):\n%s", id, c.path, strings.Join(problems, "\n"))
					}
				})
			}
		})
	}
	for id := range known {
		if !listed[id] {
			t.Errorf("testdata/cases/KNOWN_FAILURES lists %s, which is no case file", id)
		}
	}
}

// unavailable skips loudly outside CI and fails in CI, like internal/testdb.
func unavailable(t *testing.T, what string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s unavailable in CI: %v", what, err)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s: %v ***\n\n", strings.ToUpper(what), err)
	t.Skipf("SKIPPED: %s unavailable: %v", what, err)
}
