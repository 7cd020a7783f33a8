package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// The inventory lists what the schema holds beyond the model, so that
// check reports a difference in it instead of calling the schemas a
// match: virtual tables (FTS5, R-Tree...; their shadow tables are part of
// them), and what a table's DDL says that reflection has no field for
// (ON CONFLICT clauses, a column's PRIMARY KEY DESC, which keeps an
// INTEGER PRIMARY KEY from being the rowid). Everything else sqlite_master
// holds (tables, indexes, views, triggers) is modelled; sqlite_* objects
// are SQLite's own, autoindexes part of their table.

// inventory fills st.out.Unmanaged; it runs after finish, so the tables
// reflection kept carry their CREATE TABLE text.
func (st *reflState) inventory(ctx context.Context, q dialect.Querier) error {
	const query = `SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite virtual tables: %s: %w", query, err)
	}
	defer rows.Close()
	var objs []schema.Object
	for rows.Next() {
		var name, src string
		if err := rows.Scan(&name, &src); err != nil {
			return fmt.Errorf("reflecting SQLite virtual tables: %w", err)
		}
		if reflSkipName(name) {
			continue
		}
		objs = append(objs, schema.Object{Kind: "virtual table", Name: name, Definition: reflNormalize(src, reflTokenize(src))})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite virtual tables: %w", err)
	}
	for _, t := range st.out.Tables {
		if opts := invTableOptions(t.SQL); opts != "" {
			objs = append(objs, schema.Object{Kind: "table options", Name: t.Name, Definition: opts})
		}
	}
	schema.SortObjects(objs)
	st.out.Unmanaged = objs
	return nil
}

// invTableOptions lists the ON CONFLICT clauses and column PRIMARY KEY
// DESC of a CREATE TABLE, each after the column or constraint it is on:
// "email: NOT NULL ON CONFLICT REPLACE; id: PRIMARY KEY DESC". Only
// statements that mention them are tokenized.
func invTableOptions(src string) string {
	if !invMentions(src, "CONFLICT") && !invMentions(src, "DESC") {
		return ""
	}
	toks := reflTokenize(src)
	open := -1
	for i, t := range toks {
		if t.punct('(') {
			open = i
			break
		}
		if t.is("AS") {
			return ""
		}
	}
	if open < 0 {
		return ""
	}
	var out []string
	for _, item := range reflSplitTop(toks[open+1 : reflCloseParen(toks, open)]) {
		if len(item) == 0 {
			continue
		}
		head := item[0].ident()
		if reflIsTableConstraint(item[0]) {
			head = invConstraintHead(src, item)
		}
		var found []string
		depth := 0
		for i, t := range item {
			switch {
			case t.punct('('):
				depth++
			case t.punct(')'):
				depth--
			case depth > 0:
			case t.is("CONFLICT") && i >= 2 && item[i-1].is("ON") && i+1 < len(item):
				found = append(found, invClauseBefore(item, i-1)+" ON CONFLICT "+strings.ToUpper(item[i+1].text))
			case t.is("DESC") && !reflIsTableConstraint(item[0]) && i >= 2 && item[i-1].is("KEY") && item[i-2].is("PRIMARY"):
				found = append(found, "PRIMARY KEY DESC")
			}
		}
		if len(found) > 0 {
			out = append(out, head+": "+strings.Join(found, ", "))
		}
	}
	return strings.Join(out, "; ")
}

// invClauseBefore names the constraint an ON CONFLICT at item[on]
// belongs to: the nearest NOT NULL, UNIQUE or PRIMARY KEY before it.
func invClauseBefore(item []reflTok, on int) string {
	for i := on - 1; i >= 0; i-- {
		switch {
		case item[i].is("NULL") && i > 0 && item[i-1].is("NOT"):
			return "NOT NULL"
		case item[i].is("UNIQUE"):
			return "UNIQUE"
		case item[i].is("PRIMARY"):
			return "PRIMARY KEY"
		}
	}
	return ""
}

// invConstraintHead is a table constraint up to its column list:
// "CONSTRAINT u UNIQUE (a, b)".
func invConstraintHead(src string, item []reflTok) string {
	for i, t := range item {
		if t.punct('(') {
			return reflNormalize(src, item[:min(reflCloseParen(item, i)+1, len(item))])
		}
	}
	return reflNormalize(src, item)
}

// invMentions reports whether src contains word (ASCII letters), in
// any case.
func invMentions(src, word string) bool {
	first := word[0] | 0x20 // ASCII letters only
	for i := 0; i+len(word) <= len(src); i++ {
		if src[i]|0x20 == first && strings.EqualFold(src[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
