package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// Reflection reads sqlite_master once and then runs one query per kind of
// detail (columns, index parts, foreign keys), each joining sqlite_master to
// a table-valued pragma. Everything is matched up in Go maps, so the cost is
// linear in the number of tables; no query runs per table or per index.

// reflTableFilter selects the tables reflection reads: no SQLite internals,
// no virtual tables (their pragmas need the module loaded), none of
// retort's bookkeeping tables.
var reflTableFilter = `m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND m.name NOT IN ` + reflList(dialect.BookkeepingTables) + `
  AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL%'`

// reflList writes names as an SQL list of string literals.
func reflList(names []string) string {
	lits := make([]string, len(names))
	for i, n := range names {
		lits[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	return "(" + strings.Join(lits, ", ") + ")"
}

// reflSkipName reports whether an object is not the user's.
func reflSkipName(name string) bool {
	if len(name) >= 7 && strings.EqualFold(name[:7], "sqlite_") {
		return true
	}
	return dialect.IsBookkeeping(name)
}

type reflMasterRow struct {
	typ, name, tbl, sql string
}

// reflState holds one reflection's intermediate results.
type reflState struct {
	tables  map[string]*schema.Table // by name
	ddl     map[string]*reflTableDDL // by table name
	indexes map[string]reflMasterRow // CREATE INDEX rows by index name
	out     *schema.Schema
}

// Reflect implements dialect.Dialect.
func (Dialect) Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error) {
	st := &reflState{
		tables:  map[string]*schema.Table{},
		ddl:     map[string]*reflTableDDL{},
		indexes: map[string]reflMasterRow{},
		out:     &schema.Schema{},
	}
	if err := st.master(ctx, q); err != nil {
		return nil, err
	}
	if err := st.columns(ctx, q); err != nil {
		return nil, err
	}
	if err := st.indexParts(ctx, q); err != nil {
		return nil, err
	}
	if err := st.foreignKeys(ctx, q); err != nil {
		return nil, err
	}
	st.finish()
	if err := st.inventory(ctx, q); err != nil {
		return nil, err
	}
	return st.out, nil
}

func (st *reflState) master(ctx context.Context, q dialect.Querier) error {
	const query = `SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_master`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite schema: %s: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r reflMasterRow
		if err := rows.Scan(&r.typ, &r.name, &r.tbl, &r.sql); err != nil {
			return fmt.Errorf("reflecting SQLite schema: reading sqlite_master: %w", err)
		}
		if reflSkipName(r.name) {
			continue
		}
		switch r.typ {
		case "table":
			if reflSkipName(r.tbl) || strings.HasPrefix(strings.ToUpper(r.sql), "CREATE VIRTUAL") {
				continue
			}
			d := reflScanCreateTable(r.sql)
			t := &schema.Table{Name: r.name, SQL: r.sql}
			if d.WithoutRowid || d.Strict {
				t.Options = map[string]string{}
				if d.WithoutRowid {
					t.Options["WITHOUT ROWID"] = "true"
				}
				if d.Strict {
					t.Options["STRICT"] = "true"
				}
			}
			st.tables[r.name] = t
			st.ddl[r.name] = d
		case "index":
			if r.sql != "" {
				st.indexes[r.name] = r
			}
		case "view":
			st.out.Views = append(st.out.Views, &schema.View{Name: r.name, Def: reflViewDef(r.sql), SQL: r.sql})
		case "trigger":
			if reflSkipName(r.tbl) {
				continue
			}
			st.out.Triggers = append(st.out.Triggers, &schema.Trigger{Name: r.name, Table: r.tbl, SQL: r.sql})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite schema: reading sqlite_master: %w", err)
	}
	return st.dropShadowTables(ctx, q)
}

// dropShadowTables forgets the tables a virtual table (FTS5, R-Tree) keeps
// its data in: they belong to the virtual table, not to the user.
func (st *reflState) dropShadowTables(ctx context.Context, q dialect.Querier) error {
	const query = `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite schema: %s: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("reflecting SQLite schema: reading pragma_table_list: %w", err)
		}
		delete(st.tables, name)
		delete(st.ddl, name)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite schema: reading pragma_table_list: %w", err)
	}
	return nil
}

func (st *reflState) columns(ctx context.Context, q dialect.Querier) error {
	query := `SELECT m.name, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
FROM main.sqlite_master m JOIN pragma_table_xinfo(m.name, 'main') c
WHERE ` + reflTableFilter + `
ORDER BY m.name, c.cid`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("reflecting SQLite columns: %s: %w", query, err)
	}
	defer rows.Close()
	pks := map[string][]reflPKCol{}
	for rows.Next() {
		var (
			tbl, name, typ string
			notnull        bool
			dflt           sql.NullString
			pk, hidden     int
		)
		if err := rows.Scan(&tbl, &name, &typ, &notnull, &dflt, &pk, &hidden); err != nil {
			return fmt.Errorf("reflecting SQLite columns: %w", err)
		}
		t := st.tables[tbl]
		if t == nil || hidden == 1 {
			continue
		}
		c := &schema.Column{Name: name, Type: strings.ToUpper(typ), Nullable: !notnull}
		if dflt.Valid {
			d := reflDefault(dflt.String)
			c.Default = &d
		}
		if cd := st.ddl[tbl].columnDDL(name); cd != nil {
			c.Collation = cd.Collation
			c.AutoIncrement = cd.AutoIncrement
			if notnull {
				c.NotNullConflict = cd.NotNullConflict
			}
			if hidden == 2 || hidden == 3 {
				c.Generated = &schema.Generated{Expr: cd.GenExpr, Stored: hidden == 3}
			}
		}
		t.Columns = append(t.Columns, c)
		if pk > 0 {
			pks[tbl] = append(pks[tbl], reflPKCol{pk, name})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflecting SQLite columns: %w", err)
	}
	for tbl, cols := range pks {
		sort.Slice(cols, func(i, j int) bool { return cols[i].pos < cols[j].pos })
		pk := &schema.PrimaryKey{Name: st.ddl[tbl].PKName, Desc: st.ddl[tbl].PKDesc, OnConflict: st.ddl[tbl].PKConflict}
		for _, c := range cols {
			pk.Columns = append(pk.Columns, c.name)
		}
		st.tables[tbl].PrimaryKey = pk
	}
	return nil
}

type reflPKCol struct {
	pos  int
	name string
}

// columnDDL returns the DDL facts for a column, matched case-insensitively as
// SQLite matches names.
func (d *reflTableDDL) columnDDL(name string) *reflColumnDDL {
	for i := range d.Columns {
		if strings.EqualFold(d.Columns[i].Name, name) {
			return &d.Columns[i]
		}
	}
	return nil
}

// reflAutoindexNum is N in sqlite_autoindex_<table>_N: the constraint's
// position among the table's implicit indexes.
func reflAutoindexNum(name string) int {
	i := strings.LastIndexByte(name, '_')
	n, err := strconv.Atoi(name[i+1:])
	if err != nil {
		return 1 << 30
	}
	return n
}
