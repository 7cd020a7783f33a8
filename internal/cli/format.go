package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// formatFlag adds --format to cmd: text (the default) or json, whose
// documents are described in docs/json.md.
func formatFlag(cmd *cobra.Command, format *string) {
	cmd.Flags().StringVar(format, "format", "text", "text or json (docs/json.md)")
}

// formatCmd is a command without arguments that prints text, or JSON
// with --format json; run learns which.
func formatCmd(name, short string, run func(cmd *cobra.Command, asJSON bool) error) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   name + " [--format text|json]",
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			asJSON, err := wantJSON(format)
			if err != nil {
				return err
			}
			return run(cmd, asJSON)
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

// wantJSON checks the --format value and reports whether it is json.
func wantJSON(format string) (bool, error) {
	switch format {
	case "text":
		return false, nil
	case "json":
		return true, nil
	}
	return false, fmt.Errorf("%w: --format must be text or json, not %q", errUsage, format)
}

// json prints one JSON document on stdout; --quiet does not hide it.
func (p *printer) json(doc any) error {
	enc := json.NewEncoder(p.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
