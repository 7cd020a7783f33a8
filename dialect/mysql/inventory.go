package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// The inventory lists every object of the database that the model does
// not express (system-versioned tables, MariaDB packages, application-time
// periods) and the attributes of modelled objects it has no field for
// (table options other than those in table_options.go, a primary key's
// comment, a spatial column's SRID), so that check reports a difference
// in them instead of calling the schemas a match. One query over
// information_schema. What reflection models is left out by the same
// rules: base tables, views (with their options), triggers, events,
// functions and procedures, sequences, partitioning, retort's own tables,
// index comments, and the index InnoDB makes for a foreign key.

// invSQL is the inventory query; every ? is the database (and no other
// character of it is a question mark).
func invSQL(mariadb bool) string {
	return `SELECT CASE TABLE_TYPE WHEN 'BASE TABLE' THEN 'topt' WHEN 'SYSTEM VERSIONED' THEN 'sv' ELSE 'rel' END,
	'', TABLE_NAME, CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN COALESCE(CREATE_OPTIONS, '')
		ELSE CONCAT_WS(' ', TABLE_TYPE, (SELECT GROUP_CONCAT(CONCAT_WS(' ', c.COLUMN_NAME, c.COLUMN_TYPE, IF(c.IS_NULLABLE = 'NO', 'NOT NULL', NULL),
			CONCAT('DEFAULT ', c.COLUMN_DEFAULT), NULLIF(c.EXTRA, '')) ORDER BY c.ORDINAL_POSITION SEPARATOR ', ')
			FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME), NULLIF(CREATE_OPTIONS, '')) END
FROM information_schema.TABLES t
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE NOT IN ('VIEW', 'TEMPORARY', 'SEQUENCE') AND (TABLE_TYPE <> 'BASE TABLE' OR CREATE_OPTIONS <> '')
UNION ALL
SELECT 'ixopt', TABLE_NAME, INDEX_NAME, CONCAT('COMMENT ', QUOTE(INDEX_COMMENT))
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND INDEX_COMMENT <> '' AND SEQ_IN_INDEX = 1 AND INDEX_NAME = 'PRIMARY'
UNION ALL
SELECT ROUTINE_TYPE, '', SPECIFIC_NAME, ROUTINE_DEFINITION
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE NOT IN ('FUNCTION', 'PROCEDURE')
UNION ALL
` + invSRIDSQL(mariadb)
}

// invSRIDSQL lists the spatial columns with a spatial reference system,
// which their type does not say.
func invSRIDSQL(mariadb bool) string {
	if mariadb {
		// F_TABLE_SCHEMA (the same database) is the column MariaDB can
		// look up: on G_TABLE_SCHEMA alone it opens every database's
		// tables ("Scanned all databases"), the slowest part of this query.
		return `SELECT 'colopt', G_TABLE_NAME, G_GEOMETRY_COLUMN, CONCAT('REF_SYSTEM_ID=', SRID)
FROM information_schema.GEOMETRY_COLUMNS WHERE F_TABLE_SCHEMA = ? AND G_TABLE_SCHEMA = ? AND SRID <> 0`
	}
	return `SELECT 'colopt', TABLE_NAME, COLUMN_NAME, CONCAT('SRID ', SRS_ID)
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND SRS_ID IS NOT NULL`
}

// invKinds names the kinds the query returns.
var invKinds = map[string]string{
	"topt": "table options", "sv": "system-versioned table", "rel": "relation",
	"ixopt": "index options", "PACKAGE": "package", "PACKAGE BODY": "package body",
	"colopt": "column options",
}

// invRow is one row of the inventory query.
type invRow struct {
	code, table, name string
	def               sql.NullString
}

// inventory is the inventory's read, a step of a lane (see Reflect), and
// fileInventory the filing once every lane is done.
type inventory struct {
	rows    []invRow
	periods []schema.Object
}

func (inv *inventory) read(r *reflector, ctx context.Context) error {
	q := invSQL(r.mariadb)
	args := make([]any, strings.Count(q, "?"))
	for i := range args {
		args[i] = r.db
	}
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("reflect unmanaged objects of database %s: %w", r.db, err)
	}
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var row invRow
			if err := rows.Scan(&row.code, &row.table, &row.name, &row.def); err != nil {
				return err
			}
			inv.rows = append(inv.rows, row)
		}
		return rows.Err()
	}()
	if err != nil {
		return fmt.Errorf("reflect unmanaged objects of database %s: %w", r.db, err)
	}
	if r.mariadb {
		inv.periods, err = r.periods(ctx)
	}
	return err
}

// fileInventory fills r.s.Unmanaged; it runs after the other steps, so
// the tables reflection knows are in r.tables, with their keys.
func (r *reflector) fileInventory(inv *inventory) {
	var objs []schema.Object
	for _, row := range inv.rows {
		code, table, name, def := row.code, row.table, row.name, row.def
		o := schema.Object{Kind: invKinds[code], Table: table, Name: name, Definition: r.unqualify(def.String)}
		if o.Kind == "" {
			o.Kind = strings.ToLower(code)
		}
		switch code {
		case "topt":
			if dialect.IsBookkeeping(name) || r.tables[name] == nil {
				continue
			}
			opts := invTableOptions(def.String)
			if opts == "" {
				continue
			}
			o.Definition = opts
		case "ixopt":
			if ti := r.tables[table]; ti == nil || !invHasIndex(ti.t, name) {
				continue // the table's own or an FK's index InnoDB made: not the user's
			}
		}
		objs = append(objs, o)
	}
	objs = append(objs, inv.periods...)
	schema.SortObjects(objs)
	r.s.Unmanaged = objs
}

// unqualify drops the database name the server writes before the names
// in a routine or event body, as loadViews does for views.
func (r *reflector) unqualify(def string) string {
	return strings.ReplaceAll(def, quote(r.db)+".", "")
}

// invTableOptions takes out of CREATE_OPTIONS what the model holds:
// partitioning, an explicit ROW_FORMAT and the Aria/MyISAM options
// (table_options.go).
func invTableOptions(createOptions string) string {
	var kept []string
	for _, f := range strings.Fields(createOptions) {
		if k, _, _ := strings.Cut(f, "="); f == "partitioned" || strings.EqualFold(k, optRowFormat) || slices.Contains(storageOptions, strings.ToLower(k)) {
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " ")
}

// invHasIndex reports whether the model has the index or key (InnoDB's
// own FK indexes are dropped from it).
func invHasIndex(t *schema.Table, name string) bool {
	if name == "PRIMARY" {
		return t.PrimaryKey != nil
	}
	for _, ix := range t.Indexes {
		if ix.Name == name {
			return true
		}
	}
	for _, u := range t.Uniques {
		if u.Name == name {
			return true
		}
	}
	return false
}
