package lint

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	reRetype     = regexp.MustCompile(`^ALTER (?:COLUMN )?(\S+) (?:SET DATA )?TYPE (.+)$`)
	reModify     = regexp.MustCompile(`^MODIFY (?:COLUMN )?(\S+) (.+)$`)
	reChange     = regexp.MustCompile(`^CHANGE (?:COLUMN )?(\S+) (\S+) (.+)$`)
	reAddClause  = regexp.MustCompile(`^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(\S+) (.+)$`)
	reRenameCol  = regexp.MustCompile(`^RENAME (?:COLUMN )?(\S+) TO (\S+)$`)
	reRenameTo   = regexp.MustCompile(`^RENAME (?:TO|AS) (\S+)$`)
	reCreateBody = regexp.MustCompile(`^CREATE (?:UNLOGGED |TEMP |TEMPORARY )?TABLE (?:IF NOT EXISTS )?([^\s(]+) ?\((.*)\)`)
)

// typeEnd are the words that end a column's type in a column definition
// or an ALTER clause; CHARACTER ends it only before SET.
var typeEnd = map[string]bool{
	"NOT": true, "NULL": true, "DEFAULT": true, "COLLATE": true, "CONSTRAINT": true, "PRIMARY": true,
	"UNIQUE": true, "CHECK": true, "REFERENCES": true, "GENERATED": true, "AS": true, "AUTO_INCREMENT": true,
	"AUTOINCREMENT": true, "COMMENT": true, "USING": true, "ON": true, "FIRST": true, "AFTER": true,
	"INVISIBLE": true, "VISIBLE": true, "STORED": true, "VIRTUAL": true, "CHARSET": true, "SRID": true,
	"IDENTITY": true,
}

// notColumnDef are the words that start a table constraint, not a
// column, in CREATE TABLE.
var notColumnDef = map[string]bool{"CONSTRAINT": true, "PRIMARY": true, "UNIQUE": true, "CHECK": true,
	"FOREIGN": true, "KEY": true, "INDEX": true, "FULLTEXT": true, "SPATIAL": true, "PERIOD": true, "EXCLUDE": true, "LIKE": true}

// columnType cuts a column's type off the rest of its definition.
func columnType(def string) string {
	var words []string
	depth, start := 0, 0
	flush := func(end int) bool {
		w := strings.TrimSpace(def[start:end])
		if w == "" {
			return false
		}
		if typeEnd[w] || (w == "CHARACTER" && strings.HasPrefix(strings.TrimSpace(def[end:]), "SET")) {
			return true
		}
		words = append(words, w)
		return false
	}
	for i := 0; i < len(def); i++ {
		switch def[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ' ':
			if depth == 0 {
				if flush(i) {
					return strings.Join(words, " ")
				}
				start = i + 1
			}
		}
	}
	flush(len(def))
	return strings.Join(words, " ")
}

// narrowings: a column type change that can lose data (the dialect's
// NarrowsType decides) needs the same decision as a drop. The types of
// the live columns are followed through the pending revisions: ALTER
// TYPE, MODIFY and CHANGE clauses, and a rebuild's copy, compared with
// the column it replaces.
func narrowings(in Input) []Finding {
	if in.Live == nil || in.NarrowsType == nil {
		return nil
	}
	types := map[string]map[string]string{}
	for _, t := range in.Live.Tables {
		cols := map[string]string{}
		for _, c := range t.Columns {
			cols[strings.ToLower(c.Name)] = c.Type
		}
		types[strings.ToLower(t.Name)] = cols
		types[strings.ToLower(t.QualifiedName())] = cols
	}
	temp := rebuildTemp(in.Capabilities.RebuildPrefix)
	var out []Finding
	for _, r := range in.Pending {
		for _, s := range classify(r.Upgrade) {
			for _, n := range trackTypes(types, s, temp) {
				if !in.NarrowsType(n.from, n.to) {
					continue
				}
				out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Table: n.table, Column: n.column,
					Message: fmt.Sprintf("changing column %s.%s from %s to %s narrows its type: values that do not fit are cut, rounded or refused; add the header line \"%s\" to the revision if that is intended",
						n.table, n.column, strings.ToUpper(n.from), n.to, AllowDestructiveLine)})
			}
		}
	}
	return out
}

type retype struct{ table, column, from, to string }

// trackTypes updates types for one statement and returns the type
// changes of existing columns it makes.
func trackTypes(types map[string]map[string]string, s stmt, temp rebuildTemp) []retype {
	u := s.upper
	if m := reAlterTableHead.FindStringSubmatch(u); m != nil {
		table := ident(m[1])
		var out []retype
		for _, clause := range topLevelClauses(u[len(m[0]):]) {
			out = append(out, alterClauseTypes(types, table, strings.TrimSpace(clause))...)
			if r := reRenameTo.FindStringSubmatch(strings.TrimSpace(clause)); r != nil {
				types[ident(r[1])] = types[table]
				delete(types, table)
				table = ident(r[1])
			}
		}
		return out
	}
	switch s.kind {
	case "drop table":
		delete(types, s.table)
	case "create table":
		m := reCreateBody.FindStringSubmatch(u)
		if m == nil || !temp.is(s.table) {
			delete(types, s.table) // a new table is empty: nothing to lose
			return nil
		}
		cols := map[string]string{}
		var out []retype
		from := strings.TrimPrefix(s.table, string(temp))
		for _, def := range topLevelClauses(m[2]) {
			def = strings.TrimSpace(def)
			name, rest, _ := strings.Cut(def, " ")
			if notColumnDef[name] {
				continue
			}
			c, t := ident(name), columnType(rest)
			cols[c] = t
			if old, ok := types[from][c]; ok {
				out = append(out, retype{from, c, old, t})
			}
		}
		types[s.table] = cols
		return out
	}
	return nil
}

// alterClauseTypes follows one clause of an ALTER TABLE.
func alterClauseTypes(types map[string]map[string]string, table, clause string) []retype {
	cols := types[table]
	if cols == nil {
		return nil // a table made in the pending revisions, or not a table
	}
	change := func(old, new, to string) []retype {
		from, ok := cols[old]
		delete(cols, old)
		cols[new] = to
		if !ok {
			return nil
		}
		return []retype{{table, new, from, to}}
	}
	switch {
	case reRetype.MatchString(clause):
		m := reRetype.FindStringSubmatch(clause)
		c := ident(m[1])
		return change(c, c, columnType(m[2]))
	case reModify.MatchString(clause):
		m := reModify.FindStringSubmatch(clause)
		c := ident(m[1])
		return change(c, c, columnType(m[2]))
	case reChange.MatchString(clause):
		m := reChange.FindStringSubmatch(clause)
		return change(ident(m[1]), ident(m[2]), columnType(m[3]))
	case reRenameCol.MatchString(clause):
		m := reRenameCol.FindStringSubmatch(clause)
		if t, ok := cols[ident(m[1])]; ok {
			delete(cols, ident(m[1]))
			cols[ident(m[2])] = t
		}
	case reDropClause.MatchString(clause):
		if m := reDropClause.FindStringSubmatch(clause); !notColumns[m[1]] {
			delete(cols, ident(m[1]))
		}
	case reAddClause.MatchString(clause):
		if m := reAddClause.FindStringSubmatch(clause); !notColumn[m[1]] {
			cols[ident(m[1])] = columnType(m[2])
		}
	}
	return nil
}

// NeedsLive reports whether Destructive needs Input.Live for the pending
// revisions: only a type change or a rebuild is judged against the live
// columns, so an upgrade without one skips reading the schema.
func NeedsLive(in Input) bool {
	temp := rebuildTemp(in.Capabilities.RebuildPrefix)
	for _, r := range in.Pending {
		for _, s := range classify(r.Upgrade) {
			if s.kind == "create table" && temp.is(s.table) {
				return true
			}
			u := reSetStatement.ReplaceAllString(s.upper, "")
			m := reAlterTableHead.FindStringSubmatch(u)
			if m == nil {
				continue
			}
			for _, c := range topLevelClauses(u[len(m[0]):]) {
				c = strings.TrimSpace(c)
				if reRetype.MatchString(c) || reModify.MatchString(c) || reChange.MatchString(c) {
					return true
				}
			}
		}
	}
	return false
}
