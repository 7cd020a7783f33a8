package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "github.com/retortdb/retort/dialect/all"
	"github.com/retortdb/retort/internal/cli"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/internal/sqlq"
	"github.com/retortdb/retort/internal/testdb"
)

// TestMain lets the test binary act as the real retort binary inside
// scripts, so each script runs the CLI as a separate process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"retort": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) { runScripts(t, "testdata/script", nil) }

// TestScriptsPostgres and TestScriptsMySQL run the dialect scripts against
// fresh server databases.
func TestScriptsPostgres(t *testing.T) { runScripts(t, "testdata/postgres", testdb.Postgres) }

func TestScriptsMySQL(t *testing.T) { runScripts(t, "testdata/mysql", testdb.MySQL) }

// runScripts runs the scripts in dir. With fresh, RETORT_URL in each
// script's env names a new database of that server, and a server that is
// down skips (or fails in CI) before any script; -update rewrites the cmp
// files of the scripts without one.
func runScripts(t *testing.T, dir string, fresh func(testing.TB) *url.URL) {
	if fresh != nil {
		fresh(t)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/.cache")
			if fresh != nil {
				env.Setenv("RETORT_URL", fresh(t).String())
			}
			return setupGo(env)
		},
		UpdateScripts: fresh == nil && golden.Update(),
		Cmds:          scriptCmds,
	})
}

var scriptCmds = map[string]func(*testscript.TestScript, bool, []string){"sqlq": cmdSQLQuery, "cmpjson": cmdCmpJSON}

var durationMS = regexp.MustCompile(`"duration_ms": [0-9]+`)

// cmdCmpJSON compares a JSON document (a file, or stdout) with a file
// after replacing every "duration_ms" value by 0, the one field of
// retort's JSON that differs between runs:
//
//	cmpjson stdout want.json
func cmdCmpJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: cmpjson GOT WANT")
	}
	got := ts.ReadFile(args[0])
	if !json.Valid([]byte(got)) {
		ts.Fatalf("%s is not one JSON document:\n%s", args[0], got)
	}
	got = durationMS.ReplaceAllString(got, `"duration_ms": 0`)
	if want := ts.ReadFile(args[1]); got != want {
		ts.Fatalf("%s and %s differ (durations set to 0):\n%s", args[0], args[1], lineDiff(got, want))
	}
}

// lineDiff lists the lines of got and want that differ, by position.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d:\n  got:  %s\n  want: %s\n", i+1, gl, wl)
		}
	}
	return b.String()
}

// cmdSQLQuery runs one SQL statement the way an application would (SQLite
// with foreign keys on) and prints result rows as tab-separated lines. The
// database is a SQLite file or a URL:
//
//	sqlq app.db 'DELETE FROM users WHERE id = 1'
//	sqlq $RETORT_URL 'SELECT count(*) FROM notes'
func cmdSQLQuery(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: sqlq DATABASE SQL")
	}
	target := args[0]
	if !strings.Contains(target, "://") {
		target = ts.MkAbs(target)
	}
	err := sqlq.Run(context.Background(), target, args[1], ts.Stdout())
	if err != nil {
		fmt.Fprintln(ts.Stderr(), err)
		if !neg {
			ts.Fatalf("sqlq: %v", err)
		}
		return
	}
	if neg {
		ts.Fatalf("sqlq succeeded, want failure")
	}
}
