package sqlite

import (
	"strconv"

	"github.com/retortdb/retort/schema"
)

// renderIndexName names an unnamed index; index names are database-wide
// in SQLite, so it checks every table.
func renderIndexName(s *schema.Schema, t *schema.Table, ix *schema.Index, naming schema.Naming) string {
	base := naming.IndexName(t.Name, ix)
	taken := func(name string) bool {
		for _, x := range s.Tables {
			if x.Index(name) != nil {
				return true
			}
		}
		return false
	}
	name := base
	for i := 1; taken(name); i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}
