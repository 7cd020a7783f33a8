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
// (a column's PRIMARY KEY DESC, which keeps an INTEGER PRIMARY KEY from
// being the rowid). ON CONFLICT clauses are modelled where SQLite honours
// them (NOT NULL, PRIMARY KEY, UNIQUE); on NULL and CHECK it parses and
// ignores them, so they are no part of the schema. Everything else sqlite_master
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

// invTableOptions lists the column PRIMARY KEY DESC of a CREATE TABLE,
// each after its column: "id: PRIMARY KEY DESC". Only statements that
// mention DESC are tokenized.
func invTableOptions(src string) string {
	if !invMentions(src, "DESC") {
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
		if len(item) == 0 || reflIsTableConstraint(item[0]) {
			continue
		}
		depth := 0
		for i, t := range item {
			switch {
			case t.punct('('):
				depth++
			case t.punct(')'):
				depth--
			case depth == 0 && t.is("DESC") && i >= 2 && item[i-1].is("KEY") && item[i-2].is("PRIMARY"):
				out = append(out, item[0].ident()+": PRIMARY KEY DESC")
			}
		}
	}
	return strings.Join(out, "; ")
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
