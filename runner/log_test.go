package runner

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestLogLines(t *testing.T) {
	tg := targets(t)[0]
	revs := []rev{blocked[0], {id: "f2", parents: "f1", msg: "three statements",
		up: "CREATE TABLE x1 (id INTEGER);\nCREATE TABLE x2 (id INTEGER);\nCREATE TABLE x3 (id INTEGER);", down: "SELECT 1;"}}
	tests := []struct {
		name      string
		tty       bool
		verbose   bool
		want, not []string
	}{
		{name: "plain",
			want: []string{"upgrade f1 -> blocker ... ok (", "upgrade f2 -> three statements ... ok ("},
			not:  []string{"statement 1/", "\x1b"}},
		{name: "terminal", tty: true,
			want: []string{"statement 2/3", "\r\x1b[Kupgrade f2 -> three statements ... ok ("}},
		{name: "verbose", verbose: true,
			want: []string{"upgrade f2 -> three statements ... \n    CREATE TABLE x1 (id INTEGER);\n    CREATE TABLE x2"},
			not:  []string{"\x1b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isTerminal = func(io.Writer) bool { return tt.tty }
			t.Cleanup(func() { isTerminal = func(io.Writer) bool { return false } })
			r := newRunner(t, tg, tg.fresh(t), revs...)
			var log bytes.Buffer
			r.Log, r.Verbose = &log, tt.verbose
			if _, err := r.Upgrade(context.Background(), "head"); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(log.String(), w) {
					t.Errorf("log lacks %q:\n%q", w, log.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(log.String(), w) {
					t.Errorf("log has %q:\n%q", w, log.String())
				}
			}
		})
	}
}

// A long statement keeps reporting that it runs: in place on a terminal,
// as lines elsewhere.
func TestLogProgressOfLongStatement(t *testing.T) {
	tg := targets(t)[0]
	slow := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)\nINSERT INTO big SELECT count(*) FROM c;"
	revs := []rev{{id: "p1", msg: "big copy", up: "CREATE TABLE big (n INTEGER);\n" + slow, down: "DROP TABLE big;"}}
	progressTTY, progressPlain = 20*time.Millisecond, 20*time.Millisecond
	t.Cleanup(func() { progressTTY, progressPlain = time.Second, 10*time.Second })
	for _, tty := range []bool{false, true} {
		isTerminal = func(io.Writer) bool { return tty }
		r := newRunner(t, tg, tg.fresh(t), revs...)
		var log bytes.Buffer
		r.Log = &log
		if _, err := r.Upgrade(context.Background(), "head"); err != nil {
			t.Fatal(err)
		}
		isTerminal = func(io.Writer) bool { return false }
		got := log.String()
		want := "\n  statement 2/2 still running after "
		if tty {
			want = "\r\x1b[Kupgrade p1 -> big copy ... statement 2/2, running "
		}
		if !strings.Contains(got, want) || !strings.Contains(got, "upgrade p1 -> big copy ... ok (") {
			t.Errorf("tty=%v: log lacks progress %q:\n%q", tty, want, got)
		}
		if !tty && !strings.Contains(got, "WITH RECURSIVE c(x) AS") {
			t.Errorf("plain progress does not name the statement:\n%q", got)
		}
	}
}

// With only a Logger (no text log), a long statement still reports that
// it runs, as records.
func TestLoggerProgressOfLongStatement(t *testing.T) {
	tg := targets(t)[0]
	slow := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)\nINSERT INTO big SELECT count(*) FROM c;"
	revs := []rev{{id: "p1", msg: "big copy", up: "CREATE TABLE big (n INTEGER);\n" + slow, down: "DROP TABLE big;"}}
	progressPlain = 20 * time.Millisecond
	t.Cleanup(func() { progressPlain = 10 * time.Second })
	r := newRunner(t, tg, tg.fresh(t), revs...)
	var log bytes.Buffer
	r.Logger = slog.New(slog.NewTextHandler(&log, nil))
	if _, err := r.Upgrade(context.Background(), "head"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`msg="statement still running" revision=p1 statement=2 of=2 running=`,
		`msg="revision end" revision=p1 status=ok duration_ms=`} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("records lack %q:\n%s", want, log.String())
		}
	}
}
