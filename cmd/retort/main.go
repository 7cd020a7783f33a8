// Command retort is the schema migration tool; see SPEC.md.
package main

import (
	"os"

	_ "github.com/retortdb/retort/dialect/all"
	"github.com/retortdb/retort/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
