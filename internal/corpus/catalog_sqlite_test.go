package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/retortdb/retort/dialect/sqlite"
)

// The SQLite snapshot is sqlite_schema and the pragma tables
// (table_list, table_xinfo, index_list, index_xinfo, foreign_key_list),
// which state every column, key and index whatever order or spelling the
// CREATE TABLE used. What only the CREATE TABLE text holds (CHECK
// expressions and names, COLLATE, generated expressions, AUTOINCREMENT,
// DEFERRABLE, ON CONFLICT) is read from its tokens (sqlite_text_test.go).
// Index, view and trigger statements are compared as normalized tokens
// (quotes and letter case of identifiers and keywords dropped, comments
// and spacing ignored; an index's ASC, the default, dropped). Column order is ignored: columns are lines keyed
// by name. Objects named sqlite_% and retort's own tables are left out.

func sqliteCatalog(ctx context.Context, u *url.URL) ([]string, error) {
	db, err := sqlite.Dialect{}.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	s := &sqliteSnapshot{ctx: ctx, db: db}
	for _, o := range s.query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`) {
		typ, name, table, text := o[0], o[1], o[2], o[3]
		if bookkeeping(table) {
			continue
		}
		switch typ {
		case "table":
			s.table(name, text)
		case "index":
			s.add("index-sql %s", normalizeTokens(withoutASC(tokenize(text))))
		default:
			s.add("%s %s", typ, normalizeTokens(tokenize(text)))
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	return sortedLines(s.lines), nil
}

type sqliteSnapshot struct {
	ctx   context.Context
	db    *sql.DB
	lines []string
	err   error
}

func (s *sqliteSnapshot) add(format string, args ...any) {
	s.lines = append(s.lines, fmt.Sprintf(format, args...))
}

func (s *sqliteSnapshot) query(q string, args ...any) [][]string {
	if s.err != nil {
		return nil
	}
	rows, err := s.db.QueryContext(s.ctx, q, args...)
	if err != nil {
		s.err = fmt.Errorf("%s: %w", q, err)
		return nil
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			s.err = err
			return nil
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = "NULL"
			if v.Valid {
				row[i] = v.String
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		s.err = err
	}
	return out
}

func (s *sqliteSnapshot) table(name, text string) {
	for _, r := range s.query(`SELECT type, ncol, wr, strict FROM pragma_table_list(?) WHERE schema = 'main'`, name) {
		s.add("table %s type=%s ncol=%s without_rowid=%s strict=%s", name, r[0], r[1], r[2], r[3])
	}
	for _, r := range s.query(`SELECT name, upper(type), "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)`, name) {
		s.add("column %s.%s type=%q notnull=%s default=%s pk=%s hidden=%s", name, r[0], r[1], r[2], r[3], r[4], r[5])
	}
	for _, ix := range s.query(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, name) {
		label := ix[0]
		if ix[2] != "c" {
			label = "(" + ix[2] + ")" // sqlite_autoindex_<table>_<n> numbers follow column order
		}
		var parts []string
		for _, c := range s.query(`SELECT coalesce(name, '<expr>'), "desc", coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`, ix[0]) {
			parts = append(parts, strings.Join(c, " "))
		}
		s.add("index %s %s unique=%s origin=%s partial=%s [%s]", name, label, ix[1], ix[2], ix[3], strings.Join(parts, ", "))
	}
	fks := map[string][]string{}
	var ids []string
	for _, r := range s.query(`SELECT id, "table", "from", coalesce("to", '<pk>'), on_update, on_delete, "match" FROM pragma_foreign_key_list(?) ORDER BY id, seq`, name) {
		if _, ok := fks[r[0]]; !ok {
			ids = append(ids, r[0])
			fks[r[0]] = []string{r[1], "", "", r[4], r[5], r[6]}
		}
		fk := fks[r[0]]
		fk[1] += r[2] + " "
		fk[2] += r[3] + " "
	}
	for _, id := range ids {
		fk := fks[id]
		if strings.Contains(fk[2], "<pk>") {
			// REFERENCES p without columns: the parent's primary key.
			fk[2] = ""
			for _, c := range s.query(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, fk[0]) {
				fk[2] += c[0] + " "
			}
		}
		s.add("fk %s (%s) -> %s(%s) on update %s on delete %s match %s", name, strings.TrimSpace(fk[1]), fk[0], strings.TrimSpace(fk[2]), fk[3], fk[4], fk[5])
	}
	for _, fact := range tableTextFacts(text) {
		s.add("%s %s", name, fact)
	}
}

// withoutASC drops the ASC keywords of an index's columns, the default
// order (index_xinfo states each column's order).
func withoutASC(ts []token) []token {
	out := ts[:0:0]
	for _, t := range ts {
		if t.quoted || t.text != "asc" {
			out = append(out, t)
		}
	}
	return out
}
