// Package all registers every dialect retort ships; import it for its
// side effect, as the CLI does.
package all

import (
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
)
