package lint

import (
	"regexp"
	"strings"
)

// reDropSequence matches DROP SEQUENCE (PostgreSQL, MariaDB): a sequence
// holds one value, its current one, which a drop loses as DROP TABLE
// loses rows. MariaDB's DROP TEMPORARY SEQUENCE does not match: a
// temporary sequence lives only in its session.
var reDropSequence = regexp.MustCompile(`^DROP SEQUENCE (?:IF EXISTS )?(.+?)(?: CASCADE| RESTRICT)?;?$`)

// droppedSequences returns the sequences a statement drops.
func droppedSequences(u string) []string {
	m := reDropSequence.FindStringSubmatch(u)
	if m == nil {
		return nil
	}
	var out []string
	for _, s := range topLevelClauses(m[1]) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, ident(s))
		}
	}
	return out
}
