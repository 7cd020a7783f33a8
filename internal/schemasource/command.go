package schemasource

import (
	"context"
	"strings"
	"time"
)

// Command runs args (exec:) in dir and returns its standard output, the
// desired schema's DDL. A non-zero exit, no output or running past
// timeout is an error naming spec, with the program's standard error.
func Command(ctx context.Context, spec, dir string, args []string, timeout time.Duration) (string, error) {
	if len(args) == 0 {
		return "", failure(spec, "no command to run")
	}
	out, err := run(ctx, spec, dir, args, timeout)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(out.stdout) == "" {
		return "", failure(spec, "%s printed no DDL on standard output%s", strings.Join(args, " "), stderrIfAny(out.stderr))
	}
	return out.stdout, nil
}
