package cli

import (
	"io"
	"os"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
)

// knownSecrets are the passwords of every database URL this run may use
// (flag, environment, config file, dev_url), so that a message quoting one
// in any form is masked, even where a driver mis-parsed it into a host or
// database name.
func knownSecrets(g *globals) []string {
	urls := []string{g.url, os.Getenv("RETORT_URL"), os.Getenv("DATABASE_URL")}
	if cfg, err := config.Load(g.configPath); err == nil {
		urls = append(urls, cfg.URL, cfg.DevURL)
	}
	var out []string
	for _, u := range urls {
		out = append(out, retort.URLSecrets(u)...)
	}
	return out
}

// redactWriter masks passwords in what is written through it. The runner
// writes each progress line and verbose statement in one call.
type redactWriter struct {
	w       io.Writer
	secrets []string
}

func (r *redactWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(r.w, retort.Redact(string(b), r.secrets...)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Unwrap gives the runner the real writer to tell whether it is a
// terminal (progress in place).
func (r *redactWriter) Unwrap() io.Writer { return r.w }
