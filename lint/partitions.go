package lint

import (
	"regexp"
	"strings"
)

// rePartitionDrop matches ALTER TABLE ... DROP PARTITION / TRUNCATE
// PARTITION (MySQL, MariaDB): the named partitions' rows are deleted.
var rePartitionDrop = regexp.MustCompile(`^ALTER TABLE (?:IF EXISTS )?([^\s]+) (DROP|TRUNCATE) PARTITION (.+)$`)

// droppedPartitions returns the table, the verb and the partitions a
// statement empties, or "" for the table.
func droppedPartitions(u string) (table, verb string, parts []string) {
	m := rePartitionDrop.FindStringSubmatch(u)
	if m == nil {
		return "", "", nil
	}
	for _, p := range topLevelClauses(m[3]) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, ident(p))
		}
	}
	return ident(m[1]), m[2], parts
}
