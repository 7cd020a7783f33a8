package schemasource

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "schema.sql"), []byte("CREATE TABLE t (id int);\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		timeout time.Duration
		want    string // stdout, when it succeeds
		err     string // what the error says, else ""
	}{
		{"prints DDL, run in dir", []string{"cat", "schema.sql"}, time.Minute, "CREATE TABLE t (id int);\n", ""},
		{"non-zero exit shows stderr", []string{"sh", "-c", "echo 'syntax error near line 3' >&2; exit 3"}, time.Minute, "",
			"exec:gen: sh -c echo 'syntax error near line 3' >&2; exit 3 exited with status 3:\nsyntax error near line 3"},
		{"prints nothing", []string{"true"}, time.Minute, "", "exec:gen: true printed no DDL on standard output"},
		{"prints blanks only", []string{"sh", "-c", "echo; echo warn >&2"}, time.Minute, "", "printed no DDL on standard output:\nwarn"},
		{"hangs", []string{"sleep", "30"}, 200 * time.Millisecond, "", "exec:gen: sleep 30 did not finish within 200ms (raise source_timeout in retort.toml"},
		{"missing program", []string{"./no-such-program"}, time.Minute, "", "exec:gen: cannot run ./no-such-program"},
		{"no command", nil, time.Minute, "", "exec:gen: no command to run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Command(context.Background(), "exec:gen", dir, tt.args, tt.timeout)
			if tt.err == "" {
				if err != nil || got != tt.want {
					t.Fatalf("Command = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if err == nil || !contains(err.Error(), tt.err) || !errors.Is(err, ErrSource) {
				t.Fatalf("Command = %q, %v; want an ErrSource containing %q", got, err, tt.err)
			}
		})
	}
}

// TestCommandTimeoutKillsChildren: a program that started children which
// keep its output open must not hold retort past the timeout.
func TestCommandTimeoutKillsChildren(t *testing.T) {
	start := time.Now()
	_, err := Command(context.Background(), "exec:gen", t.TempDir(), []string{"sh", "-c", "sleep 30 & sleep 30 & wait"}, 200*time.Millisecond)
	if err == nil || !contains(err.Error(), "did not finish within 200ms") {
		t.Fatalf("err = %v, want the timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Command returned after %s; the children were not killed", d)
	}
}

func TestCommandCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := Command(ctx, "exec:gen", t.TempDir(), []string{"sleep", "30"}, time.Minute)
	if err == nil || !errors.Is(err, context.Canceled) || !contains(err.Error(), "exec:gen: sleep stopped") {
		t.Fatalf("err = %v, want the cancellation named", err)
	}
}
