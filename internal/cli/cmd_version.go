package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print retort's version, commit, Go version and SQLite library version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return printVersion(cmd.Context(), cmd.OutOrStdout())
		},
	}
}

// printVersion writes what `retort version` and `retort --version` print.
func printVersion(ctx context.Context, w io.Writer) error {
	b := retort.Build()
	sqliteVersion, err := retort.EngineVersion(ctx, "sqlite://:memory:")
	if err != nil {
		return fmt.Errorf("reading the embedded SQLite library's version failed: %w", err)
	}
	commit := b.Commit
	if commit == "" {
		commit = "unknown (built without VCS information)"
	} else if b.Modified {
		commit += " (modified)"
	}
	_, err = fmt.Fprintf(w, "retort %s\ncommit %s\ngo     %s\nsqlite %s\n", b.Version, commit, b.GoVersion, sqliteVersion)
	return err
}
