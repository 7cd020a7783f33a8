package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

func initCmd(g *globals, p func() *printer) *cobra.Command {
	var dialectName string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write retort.toml, schema.sql and migrations/",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			exampleURL, exampleSchema, err := retort.ExampleConfig(dialectName)
			if err != nil {
				return fmt.Errorf("%w: init --dialect: %w; aliases: postgresql, pg, mariadb, sqlite3", errUsage, err)
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			files := map[string]string{
				"retort.toml": fmt.Sprintf(`url     = %q   # the database to migrate
dir     = "migrations"       # revision scripts
schema  = ["schema.sql"]     # desired state for autogenerate, check and diff
dev_url = ""                 # scratch database for schema files ("" = retort's default)
`, exampleURL),
				"schema.sql": exampleSchema,
			}
			for name := range files {
				if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
					return fmt.Errorf("%w: %s already exists; init does not overwrite", errUsage, filepath.Join(dir, name))
				}
			}
			if err := os.MkdirAll(filepath.Join(dir, "migrations"), 0o755); err != nil {
				return fmt.Errorf("cannot create %s: %w", filepath.Join(dir, "migrations"), err)
			}
			for _, name := range []string{"retort.toml", "schema.sql"} {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
					return fmt.Errorf("cannot write %s: %w", path, err)
				}
				p().info("wrote %s", path)
			}
			p().info("created %s", filepath.Join(dir, "migrations")+string(filepath.Separator))
			return nil
		},
	}
	cmd.Flags().StringVar(&dialectName, "dialect", "sqlite", "sqlite, postgres or mysql (or postgresql, pg, mariadb, sqlite3)")
	return cmd
}
