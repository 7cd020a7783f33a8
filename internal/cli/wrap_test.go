package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
	"github.com/retortdb/retort/diff"
)

// wrapsText reports whether err's chain holds an error with text want:
// the cause was wrapped, not only printed into the message.
func wrapsText(err error, want string) bool {
	if err == nil {
		return false
	}
	if err.Error() == want {
		return true
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return wrapsText(u.Unwrap(), want)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if wrapsText(e, want) {
				return true
			}
		}
	}
	return false
}

// TestErrorsKeepTheirCause: the CLI's usage and config errors wrap the
// error they report, so errors.Is and errors.As still see it.
func TestErrorsKeepTheirCause(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, revErr := loadRevisions(filepath.Join(file, "migrations"), retort.Options{})

	_, renameErr := renameOptions([]string{"not a rename"}, false)
	_, wantRename := diff.ParseRename("not a rename")

	_, _, urlErr := (&session{cfg: &config.Config{}}).databaseURL(&globals{url: "nourl"})
	_, wantURL := retort.DialectOf("nourl")

	cmd := &cobra.Command{Use: "x"}
	argsErr := wrapArgs(cobra.ExactArgs(1))(cmd, nil)
	wantArgs := cobra.ExactArgs(1)(cmd, nil)

	flagCause := errors.New("unknown flag: --nope")
	root := newRoot(&globals{}, io.Discard, io.Discard)
	flagErr := root.FlagErrorFunc()(root, flagCause)

	tests := []struct {
		name  string
		err   error
		kind  error
		cause bool
	}{
		{"unreadable revision directory", revErr, config.ErrConfig, errors.Is(revErr, syscall.ENOTDIR)},
		{"bad --rename", renameErr, errUsage, wrapsText(renameErr, wantRename.Error())},
		{"bad database URL", urlErr, config.ErrConfig, wrapsText(urlErr, wantURL.Error())},
		{"wrong arguments", argsErr, errUsage, wrapsText(argsErr, wantArgs.Error())},
		{"bad flag", flagErr, errUsage, errors.Is(flagErr, flagCause)},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.kind) || !tt.cause {
			t.Errorf("%s: %v does not wrap both %v and its cause", tt.name, tt.err, tt.kind)
		}
	}
}
