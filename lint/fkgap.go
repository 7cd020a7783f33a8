package lint

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	reSetStatement = regexp.MustCompile(`^SET STATEMENT .*? FOR `)
	reDropFKClause = regexp.MustCompile(`^DROP FOREIGN KEY (?:IF EXISTS )?(\S+)`)
	reAddFKClause  = regexp.MustCompile(`^ADD (?:CONSTRAINT (\S+) )?FOREIGN KEY\b`)
)

// fkGaps: where DDL is not transactional each statement commits on its
// own, so a foreign key dropped in one statement and added back in a
// later one leaves its table without a key in between, and concurrent
// writes can insert rows the key would refuse. retort renders a key
// change as one ALTER wherever the server allows; this finds the rest
// (the server will not change a key's referenced columns, such as their
// type, while the key is there) and hand-written revisions.
func fkGaps(in Input, r Revision, stmts []stmt) []Finding {
	if in.Capabilities.TransactionalDDL {
		return nil
	}
	type drop struct {
		name string
		line int
	}
	open := map[string]drop{}
	var out []Finding
	for _, s := range stmts {
		u := reSetStatement.ReplaceAllString(s.upper, "")
		if s.kind == "drop table" {
			delete(open, s.table)
			continue
		}
		m := reAlterTableHead.FindStringSubmatch(u)
		if m == nil {
			continue
		}
		table := ident(m[1])
		var dropped []string
		added := false
		for _, c := range topLevelClauses(u[len(m[0]):]) {
			c = strings.TrimSpace(c)
			if d := reDropFKClause.FindStringSubmatch(c); d != nil {
				dropped = append(dropped, ident(d[1]))
			} else if reAddFKClause.MatchString(c) {
				added = true
			}
		}
		if d, ok := open[table]; ok && added {
			out = append(out, Finding{Rule: "fk-gap", Severity: Warning, File: r.File, Line: s.Line, Table: table,
				Message: fmt.Sprintf("%s has no foreign key from line %d (DROP FOREIGN KEY %s) to line %d, where it is added back: the statements in between commit on their own, so concurrent writes can insert rows the key would refuse; stop writes to %s during the upgrade, or change the key in one ALTER TABLE",
					table, d.line, d.name, s.Line, table)})
			delete(open, table)
		}
		if len(dropped) > 0 && !added {
			open[table] = drop{strings.Join(dropped, ", "), s.Line}
		}
	}
	return out
}
