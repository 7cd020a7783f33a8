package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// reDropContainer matches the drops that take other objects with them:
// a schema (or MySQL database) its tables, a type, domain or extension
// the columns of that type (with CASCADE), and DROP OWNED a role's
// tables.
var (
	reDropContainer = regexp.MustCompile(`^DROP (SCHEMA|DATABASE|TYPE|DOMAIN|EXTENSION) (?:IF EXISTS )?(.+?)( CASCADE| RESTRICT)?;?$`)
	reDropOwned     = regexp.MustCompile(`^DROP OWNED BY (.+?)(?: CASCADE| RESTRICT)?;?$`)
)

// droppedContents describes what a statement drops along with the objects
// it names, "" when nothing that holds data: DROP SCHEMA loses the
// tables in the schema unless the dialect refuses a non-empty one
// without CASCADE (schemaDropRestricts); DROP TYPE, DOMAIN or
// EXTENSION ... CASCADE drops the columns of those types; DROP OWNED BY
// drops the role's tables.
func droppedContents(u string, schemaDropRestricts bool) string {
	if m := reDropOwned.FindStringSubmatch(u); m != nil {
		return fmt.Sprintf("DROP OWNED BY %s loses every table the role owns", ident(m[1]))
	}
	m := reDropContainer.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	kind, cascade := m[1], m[3] == " CASCADE"
	var names []string
	for _, n := range topLevelClauses(m[2]) {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, ident(n))
		}
	}
	list := strings.Join(names, ", ")
	switch kind {
	case "SCHEMA", "DATABASE":
		if cascade || !schemaDropRestricts {
			return fmt.Sprintf("DROP %s %s loses every table in it", kind, list)
		}
	default:
		if cascade {
			return fmt.Sprintf("DROP %s %s CASCADE drops the columns of that type, and their values", kind, list)
		}
	}
	return ""
}
