// Command sqlq runs one SQL statement against a database URL or SQLite
// file and prints rows tab-separated; the quickstart uses it so that no
// sqlite3 shell is needed.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/all"
	"github.com/retortdb/retort/internal/sqlq"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sqlq DATABASE SQL")
		os.Exit(2)
	}
	if err := sqlq.Run(context.Background(), os.Args[1], os.Args[2], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sqlq:", dialect.Redact(err.Error()))
		os.Exit(3)
	}
}
