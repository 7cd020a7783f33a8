package exampletest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildRetort builds this repository's retort (the example sits two
// directories below the repository's root).
func buildRetort(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "retort")
	run(t, ".", nil, "go", "build", "-C", repo, "-o", bin, "./cmd/retort")
	return bin
}

// run runs a command in dir and fails the test unless it exits 0.
func run(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	out, code := runCode(t, dir, env, args...)
	if code != 0 {
		t.Fatalf("in %s: %s: exit %d\n%s", dir, strings.Join(args, " "), code, out)
	}
	return out
}

// runCode runs a command in dir and returns its output and exit code.
func runCode(t *testing.T, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "RETORT_NO_CACHE=1"), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("in %s: %s: %v", dir, strings.Join(args, " "), err)
	}
	return string(out), 0
}
