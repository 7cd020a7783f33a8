// Package reliability drives the real retort binary as separate processes:
// kill -9 at random points, concurrent upgrades and a corpus of bad input.
// See RELIABILITY.md.
package reliability

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// bin is the retort binary built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "retort-reliability-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability: creating a temporary directory failed:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	root, err := filepath.Abs("..")
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability: finding the module root failed:", err)
		return 1
	}
	bin = filepath.Join(tmp, "retort")
	build := exec.Command("go", "build", "-o", bin, "./cmd/retort")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "reliability: go build ./cmd/retort failed: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what one retort process did.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs retort in dir with args and a clean environment (no RETORT_URL
// or DATABASE_URL leaking in from the caller).
func run(t testing.TB, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return runWith(t, ctx, dir, args...)
}

// runWith runs retort under ctx; it does not call t.Fatal, so goroutines
// may use it (a failure to start shows as exit -1).
func runWith(t testing.TB, ctx context.Context, dir string, args ...string) result {
	cmd := command(ctx, dir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		return result{code: -1, stderr: fmt.Sprintf("running retort %v in %s failed: %v", args, dir, err)}
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// mustRun is run that fails the test unless retort exits 0.
func mustRun(t testing.TB, dir string, args ...string) result {
	t.Helper()
	r := run(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("retort %v in %s: want exit 0, got %s", args, dir, r)
	}
	return r
}

func command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	return programCommand(ctx, bin, dir, args...)
}

// programCommand runs exe (retort, or a program that embeds it) in dir
// with the clean environment of command.
func programCommand(ctx context.Context, exe, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Dir = dir
	env := []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
	if tz := os.Getenv("TZ"); tz != "" {
		env = append(env, "TZ="+tz)
	}
	cmd.Env = env
	return cmd
}

// trials returns how many trials to run: def normally, scaled by
// RETORT_RELIABILITY_TRIALS (the SQLite count; servers get a fraction).
func trials(t testing.TB, def, divisor int) int {
	t.Helper()
	raw := os.Getenv("RETORT_RELIABILITY_TRIALS")
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		t.Fatalf("RETORT_RELIABILITY_TRIALS=%q is not a positive number", raw)
	}
	return max(1, n/divisor)
}

// writeFiles writes name -> content under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyDir copies the regular files of src into dst.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(p string) error { return os.MkdirAll(p, 0o755) }
