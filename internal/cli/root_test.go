package cli

import (
	"strings"
	"testing"
)

func TestRelativeTargetsLast(t *testing.T) {
	tests := map[string]string{
		"downgrade -1":                  "downgrade -- -1",
		"--url x downgrade -2 --sql":    "--url x downgrade --sql -- -2",
		"upgrade +1":                    "upgrade +1",
		"downgrade -- -1":               "downgrade -- -1",
		"upgrade -q head":               "upgrade -q head",
		"downgrade --sql -- -1 --weird": "downgrade --sql -- -1 --weird",
	}
	for in, want := range tests {
		if got := strings.Join(relativeTargetsLast(strings.Fields(in)), " "); got != want {
			t.Errorf("relativeTargetsLast(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--no-such-flag"}, exitUsage},
		{[]string{"nonsense"}, exitUsage},
		{[]string{"upgrade", "a", "b"}, exitUsage},
		{[]string{"init", "--dialect", "oracle"}, exitUsage},
		{[]string{"revision"}, exitUsage},
		{[]string{"--help"}, exitOK},
	}
	for _, tt := range tests {
		var out, errw strings.Builder
		if got := Main(tt.args, &out, &errw); got != tt.want {
			t.Errorf("retort %v exit %d, want %d (stderr %q)", tt.args, got, tt.want, errw.String())
		}
	}
}
