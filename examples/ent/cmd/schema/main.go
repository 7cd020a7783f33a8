// Command schema prints the DDL ent creates for the example's schema on
// an empty database of the dialect named by its argument (sqlite,
// postgres or mysql; sqlite when absent). retort.toml runs it as the
// desired schema: schema = ["exec:go run ./cmd/schema sqlite"].
package main

import (
	"fmt"
	"os"

	"github.com/retortdb/retort/entschema"

	"github.com/retortdb/retort/examples/ent/ent/schema"
)

func main() {
	dialect := "sqlite"
	if len(os.Args) > 1 {
		dialect = os.Args[1]
	}
	ddl, err := entschema.Load(dialect, schema.User{}, schema.Note{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(ddl)
}
