package mysql

import (
	"context"
	"database/sql"
	"strings"

	"github.com/retortdb/retort/schema"
)

func (r *reflector) loadIndexes(ctx context.Context) error {
	// MySQL 8 has functional parts and INVISIBLE; MariaDB has IGNORED.
	extra := "EXPRESSION, IS_VISIBLE = 'NO'"
	if r.mariadb {
		extra = "NULL, IGNORED = 'YES'"
	}
	q := `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COALESCE(COLUMN_NAME, ''), COALESCE(SUB_PART, 0),
  COALESCE(COLLATION, ''), INDEX_TYPE, ` + extra + `, INDEX_COMMENT
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`
	var cur *schema.Index
	var curTable *tableInfo
	flush := func() {
		if cur != nil {
			curTable.keys = append(curTable.keys, cur)
		}
		cur = nil
	}
	err := r.query(ctx, "indexes", q, func(rows *sql.Rows) error {
		var table, name, col, coll, typ string
		var nonUnique, prefix int
		var expr sql.NullString
		var invisible bool
		var comment string
		if err := rows.Scan(&table, &name, &nonUnique, &col, &prefix, &coll, &typ, &expr, &invisible, &comment); err != nil {
			return err
		}
		ti := r.tables[table]
		if ti == nil {
			return nil
		}
		if cur == nil || curTable != ti || cur.Name != name {
			flush()
			curTable = ti
			cur = &schema.Index{Name: name, Unique: nonUnique == 0, Invisible: invisible, Method: strings.ToUpper(typ), Comment: comment}
		}
		if cur.Method == "SPATIAL" {
			prefix = 0 // MariaDB lists 32, which a SPATIAL key part refuses
		}
		p := schema.IndexPart{Column: col, Prefix: prefix, Desc: coll == "D"}
		if expr.Valid && expr.String != "" {
			p.Column, p.Expr = "", stripParens(expr.String)
		}
		cur.Parts = append(cur.Parts, p)
		return nil
	})
	flush()
	return err
}

// indexMethod is the model's Method of an index of INDEX_TYPE typ whose
// definition says USING using ("" when it says none): FULLTEXT and
// SPATIAL, else the algorithm as written. The catalog reports what the
// engine built (BTREE on InnoDB whatever was written, HASH on MEMORY
// without USING), SHOW CREATE TABLE what was written, and the two
// definitions differ: a USING BTREE that changes nothing is kept.
// MariaDB's long unique keys show USING HASH even when not written.
func indexMethod(typ, using string) string {
	if typ == "FULLTEXT" || typ == "SPATIAL" {
		return typ
	}
	return using
}

// placeIndexes files the table's keys once its definition is read.
func (r *reflector) placeIndexes(ti *tableInfo) {
	for _, ix := range ti.keys {
		ix.Method = indexMethod(ix.Method, ti.def.using[ix.Name])
		r.placeIndex(ti, ix)
	}
	ti.keys = nil
}

// placeIndex files an index as the primary key, a UNIQUE constraint or a
// plain index. The rule that round-trips: a unique index is a constraint
// when the catalog lists it as one and it is plain columns only (what
// ADD CONSTRAINT ... UNIQUE can express); anything else stays an index.
func (r *reflector) placeIndex(ti *tableInfo, ix *schema.Index) {
	t := ti.t
	if ix.Name == "PRIMARY" {
		t.PrimaryKey = &schema.PrimaryKey{Columns: partColumns(ix), Method: ix.Method}
		return
	}
	if ix.Unique && (r.mariadb || ti.uniques[ix.Name]) && isPlain(ix) {
		t.Uniques = append(t.Uniques, &schema.Unique{Name: ix.Name, Columns: partColumns(ix)})
		return
	}
	t.Indexes = append(t.Indexes, ix)
}

// isPlain reports an index of whole columns, ascending, visible, default
// method, without a comment.
func isPlain(ix *schema.Index) bool {
	if ix.Invisible || ix.Method != "" || ix.Where != "" || ix.Comment != "" {
		return false
	}
	for _, p := range ix.Parts {
		if p.Column == "" || p.Prefix != 0 || p.Desc || p.Collation != "" {
			return false
		}
	}
	return true
}

func partColumns(ix *schema.Index) []string {
	cols := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		cols[i] = p.Column
	}
	return cols
}

func (r *reflector) loadForeignKeys(ctx context.Context) error {
	// The actions and the columns are read apart and matched here: joined
	// in SQL, MariaDB compared every row of one materialized
	// information_schema table with every row of the other (and read
	// REFERENTIAL_CONSTRAINTS for every database), a second or more for
	// 1000 keys where the two queries take milliseconds.
	const rulesQ = `SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`
	type fkRules struct{ onUpdate, onDelete string }
	rules := map[[2]string]fkRules{}
	err := r.query(ctx, "foreign key actions", rulesQ, func(rows *sql.Rows) error {
		var table, name string
		var ru fkRules
		if err := rows.Scan(&table, &name, &ru.onUpdate, &ru.onDelete); err != nil {
			return err
		}
		rules[[2]string{table, name}] = ru
		return nil
	})
	if err != nil {
		return err
	}
	const q = `SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA,
  REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`
	var cur *schema.ForeignKey
	var curTable string
	return r.query(ctx, "foreign keys", q, func(rows *sql.Rows) error {
		var table, name, col, refSchema, refTable, refCol string
		if err := rows.Scan(&table, &name, &col, &refSchema, &refTable, &refCol); err != nil {
			return err
		}
		ti := r.tables[table]
		ru, ok := rules[[2]string{table, name}]
		if ti == nil || !ok {
			return nil
		}
		if cur == nil || curTable != table || cur.Name != name {
			cur = &schema.ForeignKey{Name: name, RefTable: refTable, OnUpdate: action(ru.onUpdate), OnDelete: action(ru.onDelete)}
			if refSchema != r.db {
				cur.RefSchema = refSchema
			}
			curTable = table
			ti.t.ForeignKeys = append(ti.t.ForeignKeys, cur)
		}
		cur.Columns = append(cur.Columns, col)
		cur.RefColumns = append(cur.RefColumns, refCol)
		return nil
	})
}

// action maps a reported rule to the model. InnoDB checks RESTRICT and
// NO ACTION alike, immediately, and MariaDB reports the default as
// RESTRICT, so both become NO ACTION and never differ.
func action(rule string) schema.FKAction {
	a := schema.Action(schema.FKAction(rule))
	if a == schema.Restrict {
		return schema.NoAction
	}
	return a
}

// fkIndexOption is the table option recording the index InnoDB made for
// a foreign key, so dropping the key can drop the index with it.
const fkIndexOption = "fk_index:"

// dropImplicitFKIndexes removes from the model the index InnoDB creates
// for a foreign key: a plain non-unique index over exactly the key's
// columns, named after the key. It exists only because of the key, so it
// must not show as a diff. An unnamed key's index is named after its
// first column instead; that one stays in the model, so a revision
// creates it under that name before adding the key (else InnoDB would
// name it after the key retort names).
func dropImplicitFKIndexes(t *schema.Table) {
	kept := t.Indexes[:0]
	for _, ix := range t.Indexes {
		if fk := implicitFor(t, ix); fk != nil {
			t.Options[fkIndexOption+fk.Name] = ix.Name
			continue
		}
		kept = append(kept, ix)
	}
	t.Indexes = kept
	if len(t.Indexes) == 0 {
		t.Indexes = nil
	}
}

func implicitFor(t *schema.Table, ix *schema.Index) *schema.ForeignKey {
	if ix.Unique || !isPlain(ix) {
		return nil
	}
	cols := partColumns(ix)
	for _, fk := range t.ForeignKeys {
		if !schema.SameColumns(cols, fk.Columns) {
			continue
		}
		if strings.EqualFold(ix.Name, fk.Name) {
			return fk
		}
	}
	return nil
}

// isColumnName reports name == col or col_N (InnoDB's name for the index
// of an unnamed key when col is taken).
func isColumnName(name, col string) bool {
	if strings.EqualFold(name, col) {
		return true
	}
	rest, ok := strings.CutPrefix(strings.ToLower(name), strings.ToLower(col)+"_")
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
