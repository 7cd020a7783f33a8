package runner

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
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
