package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// Table option keys (schema.Table.Options) reflection sets to "true" and
// diff compares. No ALTER TABLE changes either: a change is a rebuild.
const (
	optStrict       = "STRICT"
	optWithoutRowid = "WITHOUT ROWID"
)

// comparedTableOptions are the keys Capabilities.TableOptions declares.
var comparedTableOptions = []string{optStrict, optWithoutRowid}

// checkTableOptions refuses a table SQLite would refuse to create, before
// the rebuild drops anything.
func checkTableOptions(t *schema.Table) error {
	if renderOption(t, optWithoutRowid) && (t.PrimaryKey == nil || len(t.PrimaryKey.Columns) == 0) {
		return fmt.Errorf("table %s: WITHOUT ROWID needs a PRIMARY KEY", t.Name)
	}
	return nil
}
