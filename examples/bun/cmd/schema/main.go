// Command schema prints the DDL bun creates for the example's models on
// an empty database of the dialect named by its argument (sqlite,
// postgres or mysql; sqlite when absent). retort.toml runs it as the
// desired schema: schema = ["exec:go run ./cmd/schema sqlite"].
package main

import (
	"fmt"
	"os"

	"github.com/retortdb/retort/bunschema"

	"github.com/retortdb/retort/examples/bun/models"
)

func main() {
	dialect := "sqlite"
	if len(os.Args) > 1 {
		dialect = os.Args[1]
	}
	ddl, err := bunschema.Load(dialect, (*models.User)(nil), (*models.Note)(nil))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(ddl)
}
