package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

type reflIndexRow struct {
	table, name, origin string
	unique, partial     bool
	parts               []reflIndexPartRow
}

type reflIndexPartRow struct {
	cid  int
	name string
	desc bool
	coll string
}

// indexParts reads every index key part of every table in one query.
func (st *reflState) indexParts(ctx context.Context, q dialect.Querier) error {
	query := `SELECT m.name, il.name, il."unique", il.origin, il.partial, x.cid, x.name, x."desc", coalesce(x.coll, '')
FROM main.sqlite_master m JOIN pragma_index_list(m.name, 'main') il JOIN pragma_index_xinfo(il.name, 'main') x
WHERE ` + reflTableFilter + ` AND x.key = 1
ORDER BY m.name, il.name, x.seqno`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite indexes: %s: %w", query, err)
	}
	defer rows.Close()
	var all []*reflIndexRow
	var cur *reflIndexRow
	for rows.Next() {
		var (
			r    reflIndexRow
			p    reflIndexPartRow
			name sql.NullString
		)
		if err := rows.Scan(&r.table, &r.name, &r.unique, &r.origin, &r.partial, &p.cid, &name, &p.desc, &p.coll); err != nil {
			return fmt.Errorf("reflecting SQLite indexes: %w", err)
		}
		p.name = name.String
		if cur == nil || cur.table != r.table || cur.name != r.name {
			cur = &r
			all = append(all, cur)
		}
		cur.parts = append(cur.parts, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite indexes: %w", err)
	}

	uniques := map[string][]*reflIndexRow{}
	for _, r := range all {
		t := st.tables[r.table]
		if t == nil {
			continue
		}
		switch r.origin {
		case "u":
			uniques[r.table] = append(uniques[r.table], r)
		case "c":
			t.Indexes = append(t.Indexes, st.index(r))
		}
		// origin "pk" is the primary key, read from the columns.
	}
	for tbl, t := range st.tables {
		// A table whose every UNIQUE joined its primary key's index has
		// no autoindex of its own but may still hand that key a clause.
		if d := st.ddl[tbl]; len(uniques[tbl]) > 0 || len(d.Uniques) > 0 {
			st.assignUniques(t, d, uniques[tbl])
		}
	}
	return nil
}

// index builds a CREATE INDEX index. Expression text and the WHERE clause
// come from the index SQL; the rest from the pragmas.
func (st *reflState) index(r *reflIndexRow) *schema.Index {
	m := st.indexes[r.name]
	ix := &schema.Index{Name: r.name, Unique: r.unique, SQL: m.sql}
	d := reflScanCreateIndex(m.sql)
	if r.partial {
		ix.Where = d.Where
	}
	td := st.ddl[r.table]
	for i, p := range r.parts {
		part := schema.IndexPart{Desc: p.desc}
		switch p.cid {
		case -2:
			if i < len(d.Parts) {
				part.Expr = d.Parts[i].Expr
				part.Collation = d.Parts[i].Collation
			}
		case -1:
			part.Column = "rowid"
		default:
			part.Column = p.name
			// Report a collation only where it differs from the column's
			// own, which the index inherits.
			def := "BINARY"
			if cd := td.columnDDL(p.name); cd != nil && cd.Collation != "" {
				def = cd.Collation
			}
			if !strings.EqualFold(p.coll, def) {
				part.Collation = strings.ToUpper(p.coll)
			}
		}
		ix.Parts = append(ix.Parts, part)
	}
	return ix
}

// assignUniques turns a table's UNIQUE-constraint autoindexes into Uniques,
// in declaration order, naming them from the CREATE TABLE text.
func (st *reflState) assignUniques(t *schema.Table, d *reflTableDDL, rs []*reflIndexRow) {
	sort.Slice(rs, func(i, j int) bool { return reflAutoindexNum(rs[i].name) < reflAutoindexNum(rs[j].name) })
	used := make([]bool, len(d.Uniques))
	for _, r := range rs {
		u := &schema.Unique{}
		for _, p := range r.parts {
			u.Columns = append(u.Columns, p.name)
		}
		for i, du := range d.Uniques {
			if !used[i] && schema.SameColumns(du.Columns, u.Columns) {
				used[i] = true
				u.Name, u.OnConflict = du.Name, du.Conflict
				break
			}
		}
		t.Uniques = append(t.Uniques, u)
	}
	// SQLite makes no second index for a UNIQUE over the columns of an
	// earlier key: that key's index takes the clause if it had none.
	for i, du := range d.Uniques {
		if used[i] || du.Conflict == "" {
			continue
		}
		if k := reflKeyOver(t, du.Columns); k != nil && *k == "" {
			*k = du.Conflict
		}
	}
}

// reflKeyOver returns the ON CONFLICT field of t's unique or primary key
// over exactly cols, in that order, or nil.
func reflKeyOver(t *schema.Table, cols []string) *string {
	for _, u := range t.Uniques {
		if schema.SameColumns(u.Columns, cols) {
			return &u.OnConflict
		}
	}
	if t.PrimaryKey != nil && schema.SameColumns(t.PrimaryKey.Columns, cols) {
		return &t.PrimaryKey.OnConflict
	}
	return nil
}

// foreignKeys reads every foreign key of every table in one query. SQLite
// numbers a table's keys last-declared first, so id DESC is declaration
// order.
func (st *reflState) foreignKeys(ctx context.Context, q dialect.Querier) error {
	query := `SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
FROM main.sqlite_master m JOIN pragma_foreign_key_list(m.name, 'main') f
WHERE ` + reflTableFilter + `
ORDER BY m.name, f.id DESC, f.seq`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite foreign keys: %s: %w", query, err)
	}
	defer rows.Close()
	var (
		cur    *schema.ForeignKey
		curTbl string
		curID  = -1
	)
	for rows.Next() {
		var (
			tbl, ref, from, onUpdate, onDelete string
			id                                 int
			to                                 sql.NullString
		)
		if err := rows.Scan(&tbl, &id, &ref, &from, &to, &onUpdate, &onDelete); err != nil {
			return fmt.Errorf("reflecting SQLite foreign keys: %w", err)
		}
		t := st.tables[tbl]
		if t == nil {
			continue
		}
		if cur == nil || tbl != curTbl || id != curID {
			cur = &schema.ForeignKey{RefTable: ref, OnUpdate: schema.FKAction(strings.ToUpper(onUpdate)), OnDelete: schema.FKAction(strings.ToUpper(onDelete))}
			curTbl, curID = tbl, id
			t.ForeignKeys = append(t.ForeignKeys, cur)
		}
		cur.Columns = append(cur.Columns, from)
		if to.Valid {
			cur.RefColumns = append(cur.RefColumns, to.String)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite foreign keys: %w", err)
	}
	for name, t := range st.tables {
		reflMatchFKs(t.ForeignKeys, st.ddl[name].ForeignKeys)
	}
	return nil
}

// reflMatchFKs copies what only the DDL says (name, deferrability, MATCH)
// onto the pragma's keys, pairing them by columns and referenced table in
// declaration order.
func reflMatchFKs(fks []*schema.ForeignKey, ddl []reflFKDDL) {
	used := make([]bool, len(ddl))
	for _, fk := range fks {
		for i, d := range ddl {
			if used[i] || !strings.EqualFold(d.RefTable, fk.RefTable) || !schema.SameColumns(d.Columns, fk.Columns) {
				continue
			}
			used[i] = true
			fk.Name, fk.Deferrable, fk.InitiallyDeferred, fk.Match = d.Name, d.Deferrable, d.InitiallyDeferred, schema.FKMatch(d.Match)
			break
		}
	}
}

// finish resolves implicit referenced columns and orders the result.
func (st *reflState) finish() {
	byLower := make(map[string]*schema.Table, len(st.tables))
	for name, t := range st.tables {
		byLower[strings.ToLower(name)] = t
		st.out.Tables = append(st.out.Tables, t)
	}
	for _, t := range st.out.Tables {
		for _, fk := range t.ForeignKeys {
			p := byLower[strings.ToLower(fk.RefTable)]
			if p == nil {
				continue
			}
			// SQLite keeps the parent's names as the REFERENCES clause
			// spelled them; report the parent's own spelling.
			fk.RefTable = p.Name
			for i, c := range fk.RefColumns {
				if pc := reflColumnFold(p, c); pc != nil {
					fk.RefColumns[i] = pc.Name
				}
			}
			// "REFERENCES parent" without columns means its primary key.
			if len(fk.RefColumns) == 0 && p.PrimaryKey != nil {
				fk.RefColumns = append([]string(nil), p.PrimaryKey.Columns...)
			}
		}
		sort.Slice(t.Indexes, func(i, j int) bool { return t.Indexes[i].Name < t.Indexes[j].Name })
		for _, c := range st.ddl[t.Name].Checks {
			t.Checks = append(t.Checks, &schema.Check{Name: c.Name, Expr: c.Expr})
		}
	}
	sort.Slice(st.out.Tables, func(i, j int) bool { return st.out.Tables[i].Name < st.out.Tables[j].Name })
	sort.Slice(st.out.Views, func(i, j int) bool { return st.out.Views[i].Name < st.out.Views[j].Name })
	sort.Slice(st.out.Triggers, func(i, j int) bool { return st.out.Triggers[i].Name < st.out.Triggers[j].Name })
}

func reflColumnFold(t *schema.Table, name string) *schema.Column {
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}
