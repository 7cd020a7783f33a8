package cli

import (
	"strings"
	"testing"
)

// TestHelpTeaches: every command's --help has examples, the exit codes and
// the environment it reads; those taking a TARGET explain its syntax,
// those reading the config name its keys.
func TestHelpTeaches(t *testing.T) {
	root := newRoot(&globals{}, nil, nil)
	for name := range helps {
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("helps has %q, which is no command", name)
		}
	}
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" || c.Hidden {
			continue
		}
		var out, errw strings.Builder
		if code := Main([]string{c.Name(), "--help"}, &out, &errw); code != exitOK {
			t.Fatalf("retort %s --help: exit %d: %s", c.Name(), code, errw.String())
		}
		text := out.String()
		want := []string{"Examples:\n  retort " + c.Name(), "Exit codes:\n  0 ", "\n  2 ", "\n  3 ", "Environment:", "NO_COLOR"}
		if h := helps[c.Name()]; h.target {
			want = append(want, "TARGET:", "head ", "heads ", "base ", "PREFIX", "+N, -N", "FROM:TARGET")
		}
		if len(helps[c.Name()].keys) > 0 {
			want = append(want, "Config keys read", "url, dir")
		}
		if strings.Contains(c.Use, "TARGET") && !helps[c.Name()].target {
			t.Errorf("retort %s takes a TARGET but its help does not explain the syntax", c.Name())
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("retort %s --help lacks %q:\n%s", c.Name(), w, text)
			}
		}
	}
}

// TestHelpExitOne: commands that answer "no" say what exit 1 means; the
// others do not list it.
func TestHelpExitOne(t *testing.T) {
	for name, want := range map[string]bool{"check": true, "lint": true, "revision": true, "upgrade": false, "heads": false} {
		var out, errw strings.Builder
		Main([]string{name, "--help"}, &out, &errw)
		if got := strings.Contains(out.String(), "\n  1    "); got != want {
			t.Errorf("retort %s --help lists exit 1: %v, want %v", name, got, want)
		}
	}
}
