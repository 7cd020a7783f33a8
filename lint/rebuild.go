package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/op"
)

var (
	// OR ABORT: SQLite's copy into a table with ON CONFLICT clauses, which
	// fails rather than drop rows (a copy OR REPLACE/IGNORE would not).
	reRebuildCopy   = regexp.MustCompile(`^INSERT (?:OR ABORT )?INTO (\S+?) ?\((.*?)\) ?SELECT (.*) FROM (\S+)$`)
	reRenameColumn  = regexp.MustCompile(`^ALTER TABLE (\S+) RENAME (?:COLUMN )?(\S+) TO (\S+)$`)
	reRenameTable   = regexp.MustCompile(`^ALTER TABLE (\S+) RENAME TO (\S+)$`)
	reAddColumn     = regexp.MustCompile(`^ALTER TABLE (\S+) ADD (?:COLUMN )?(\S+)`)
	reDropColumnArg = regexp.MustCompile(`\bDROP (?:COLUMN )?(?:IF EXISTS )?([^\s,]+)`)
)

// notColumn: words after ADD that start a constraint, not a column.
var notColumn = map[string]bool{"CONSTRAINT": true, "PRIMARY": true, "UNIQUE": true, "FOREIGN": true, "CHECK": true, "INDEX": true, "KEY": true}

// rebuildLosses: a rebuild (SQLite's) copies a table's rows into
// <Capabilities.RebuildPrefix><table>; a column the copy does not read loses its values,
// as with DROP COLUMN. The columns each table has are followed through
// the pending revisions from the live schema.
func rebuildLosses(in Input) []Finding {
	if in.Live == nil {
		return nil
	}
	cols := map[string][]string{}
	for _, t := range in.Live.Tables {
		var names []string
		for _, c := range t.Columns {
			// A generated column has no values of its own to copy.
			if c.Generated == nil {
				names = append(names, c.Name)
			}
		}
		cols[strings.ToLower(t.Name)] = names
		cols[strings.ToLower(t.QualifiedName())] = names
	}
	temp := rebuildTemp(in.Capabilities.RebuildPrefix)
	var out []Finding
	for _, r := range in.Pending {
		for _, s := range classify(r.Upgrade) {
			table, lost := trackColumns(cols, s, temp)
			for _, c := range lost {
				out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Table: table, Column: c,
					Message: fmt.Sprintf("the rebuild of %s does not copy column %s.%s: its values are lost; add the header line \"%s\" to the revision if that is intended",
						table, table, c, AllowDestructiveLine)})
			}
		}
	}
	return out
}

// trackColumns updates cols for one statement and returns the columns a
// rebuild of table loses, if any.
func trackColumns(cols map[string][]string, s stmt, temp rebuildTemp) (table string, lost []string) {
	u := s.upper
	switch {
	case reRebuildCopy.MatchString(u):
		m := reRebuildCopy.FindStringSubmatch(u)
		into, from := ident(m[1]), ident(m[4])
		if !temp.is(into) || into != temp.of(from) {
			return "", nil
		}
		for _, c := range cols[from] {
			if !op.ExprMentions(m[3], c) {
				lost = append(lost, c)
			}
		}
		// The copy is what the rebuilt table holds once renamed.
		var kept []string
		for _, c := range strings.Split(m[2], ",") {
			if c = ident(strings.TrimSpace(c)); c != "rowid" {
				kept = append(kept, c)
			}
		}
		cols[into] = kept
		return from, lost
	case reRenameTable.MatchString(u):
		m := reRenameTable.FindStringSubmatch(u)
		old, new := ident(m[1]), ident(m[2])
		cols[new] = cols[old]
		delete(cols, old)
		if cols[new] == nil {
			delete(cols, new)
		}
	case reRenameColumn.MatchString(u):
		m := reRenameColumn.FindStringSubmatch(u)
		t, old, new := ident(m[1]), ident(m[2]), ident(m[3])
		for i, c := range cols[t] {
			if strings.EqualFold(c, old) {
				cols[t][i] = new
			}
		}
	case s.kind == "drop column":
		m := reDropColumnArg.FindStringSubmatch(u)
		if m == nil {
			return "", nil
		}
		drop := ident(m[1])
		var keep []string
		for _, c := range cols[s.table] {
			if !strings.EqualFold(c, drop) {
				keep = append(keep, c)
			}
		}
		if _, ok := cols[s.table]; ok {
			cols[s.table] = keep
		}
	case reAddColumn.MatchString(u):
		m := reAddColumn.FindStringSubmatch(u)
		if t := ident(m[1]); !notColumn[m[2]] {
			if _, ok := cols[t]; ok {
				cols[t] = append(cols[t], ident(m[2]))
			}
		}
	case s.kind == "drop table":
		delete(cols, s.table)
	case s.kind == "create table" && !temp.is(s.table):
		delete(cols, s.table) // columns unknown: not checked
	}
	return "", nil
}

// bigRebuild: a rebuild copies every row of the table while it holds the
// database's write lock, so on a big table it is an outage of its own.
func bigRebuild(in Input, r Revision, stmts []stmt) []Finding {
	temp := rebuildTemp(in.Capabilities.RebuildPrefix)
	if temp == "" || in.RowEstimate == nil {
		return nil
	}
	var out []Finding
	for _, s := range stmts {
		if s.kind != "insert" || !temp.is(s.table) {
			continue
		}
		table := strings.TrimPrefix(s.table, string(temp))
		if n := in.RowEstimate(table); n >= in.BigTable {
			out = append(out, Finding{Rule: "big-rebuild", Severity: Warning, File: r.File, Line: s.Line, Table: table,
				Message: fmt.Sprintf("the rebuild of %s copies its ~%d rows and blocks every write to the database until it commits; run it when writes can wait", table, n)})
		}
	}
	return out
}
