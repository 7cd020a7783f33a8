package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// The inventory lists every object of the database that the model does
// not express (routines, events, sequences, system-versioned tables,
// partitioning) and the attributes of modelled objects it has no field
// for (table options such as ROW_FORMAT, view options, index comments),
// so that check reports a difference in them instead of calling the
// schemas a match. One query over information_schema, and one more each
// for routine parameters and partitions only when there are routines or
// partitioned tables. What reflection models is left out by the same
// rules: base tables, views, triggers, retort's own tables, and the
// index InnoDB makes for a foreign key. An event's STARTS is in its
// definition only when it is not the time the event was created (what
// CREATE EVENT takes without one), and a one-time event's AT time is
// left out: both are taken from the clock when written relative to it,
// so no two databases would agree. A STARTS or ENDS written relative to
// the clock is compared as the time it became.

// invSQL is the inventory query; every ? is the database.
func invSQL(mariadb bool) string {
	viewOpts := "CHECK_OPTION <> 'NONE' OR SECURITY_TYPE <> 'DEFINER'"
	algorithm := "NULL"
	if mariadb { // MySQL 8 has no ALGORITHM in VIEWS
		viewOpts += " OR ALGORITHM <> 'UNDEFINED'"
		algorithm = "IF(ALGORITHM <> 'UNDEFINED', CONCAT('ALGORITHM=', ALGORITHM), NULL)"
	}
	return `SELECT CASE TABLE_TYPE WHEN 'BASE TABLE' THEN 'topt' WHEN 'SYSTEM VERSIONED' THEN 'sv' WHEN 'SEQUENCE' THEN 'seq' ELSE 'rel' END,
	'', TABLE_NAME, CASE WHEN TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE') THEN COALESCE(CREATE_OPTIONS, '')
		ELSE CONCAT_WS(' ', TABLE_TYPE, (SELECT GROUP_CONCAT(CONCAT_WS(' ', c.COLUMN_NAME, c.COLUMN_TYPE, IF(c.IS_NULLABLE = 'NO', 'NOT NULL', NULL),
			CONCAT('DEFAULT ', c.COLUMN_DEFAULT), NULLIF(c.EXTRA, '')) ORDER BY c.ORDINAL_POSITION SEPARATOR ', ')
			FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME), NULLIF(CREATE_OPTIONS, '')) END
FROM information_schema.TABLES t
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE NOT IN ('VIEW', 'TEMPORARY') AND (TABLE_TYPE <> 'BASE TABLE' OR CREATE_OPTIONS <> '')
UNION ALL
SELECT 'vopt', '', TABLE_NAME, CONCAT_WS(' ', ` + algorithm + `, IF(SECURITY_TYPE <> 'DEFINER', CONCAT('SQL SECURITY ', SECURITY_TYPE), NULL),
	IF(CHECK_OPTION <> 'NONE', CONCAT('WITH ', CHECK_OPTION, ' CHECK OPTION'), NULL))
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND (` + viewOpts + `)
UNION ALL
SELECT 'ixopt', TABLE_NAME, INDEX_NAME, CONCAT('COMMENT ', QUOTE(INDEX_COMMENT))
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND INDEX_COMMENT <> '' AND SEQ_IN_INDEX = 1
UNION ALL
SELECT ROUTINE_TYPE, '', SPECIFIC_NAME, CONCAT_WS(' ', CONCAT('RETURNS ', DTD_IDENTIFIER), IF(IS_DETERMINISTIC = 'YES', 'DETERMINISTIC', NULL),
	SQL_DATA_ACCESS, CONCAT('SQL SECURITY ', SECURITY_TYPE), IF(ROUTINE_COMMENT <> '', CONCAT('COMMENT ', QUOTE(ROUTINE_COMMENT)), NULL),
	ROUTINE_DEFINITION)
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
UNION ALL
SELECT 'event', '', EVENT_NAME, CONCAT_WS(' ', IF(EVENT_TYPE = 'RECURRING', CONCAT('EVERY ', INTERVAL_VALUE, ' ', INTERVAL_FIELD), 'AT'),
	IF(ABS(TIMESTAMPDIFF(SECOND, CREATED, STARTS)) > 1, CONCAT('STARTS ', STARTS), NULL), CONCAT('ENDS ', ENDS),
	CONCAT('ON COMPLETION ', ON_COMPLETION), STATUS, IF(EVENT_COMMENT <> '', CONCAT('COMMENT ', QUOTE(EVENT_COMMENT)), NULL),
	CONCAT('DO ', EVENT_DEFINITION))
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
UNION ALL
` + invSRIDSQL(mariadb)
}

// invSRIDSQL lists the spatial columns with a spatial reference system,
// which their type does not say.
func invSRIDSQL(mariadb bool) string {
	if mariadb {
		return `SELECT 'colopt', G_TABLE_NAME, G_GEOMETRY_COLUMN, CONCAT('REF_SYSTEM_ID=', SRID)
FROM information_schema.GEOMETRY_COLUMNS WHERE G_TABLE_SCHEMA = ? AND SRID <> 0`
	}
	return `SELECT 'colopt', TABLE_NAME, COLUMN_NAME, CONCAT('SRID ', SRS_ID)
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND SRS_ID IS NOT NULL`
}

// invKinds names the kinds the query returns.
var invKinds = map[string]string{
	"topt": "table options", "sv": "system-versioned table", "seq": "sequence", "rel": "relation",
	"vopt": "view options", "ixopt": "index options", "FUNCTION": "function", "PROCEDURE": "procedure",
	"PACKAGE": "package", "PACKAGE BODY": "package body", "event": "event", "colopt": "column options",
}

// inventory fills r.s.Unmanaged; it runs after the other steps, so the
// tables reflection knows are in r.tables.
func (r *reflector) inventory(ctx context.Context) error {
	q := invSQL(r.mariadb)
	rows, err := r.q.QueryContext(ctx, q, r.db, r.db, r.db, r.db, r.db, r.db)
	if err != nil {
		return fmt.Errorf("reflect unmanaged objects of database %s: %w", r.db, err)
	}
	var objs []schema.Object
	var partitioned []string
	routines := map[string]int{}  // "TYPE name" -> index in objs
	sequences := map[string]int{} // name -> index in objs
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var code, table, name string
			var def sql.NullString
			if err := rows.Scan(&code, &table, &name, &def); err != nil {
				return err
			}
			o := schema.Object{Kind: invKinds[code], Table: table, Name: name, Definition: r.unqualify(def.String)}
			if o.Kind == "" {
				o.Kind = strings.ToLower(code)
			}
			switch code {
			case "topt":
				if dialect.IsBookkeeping(name) || r.tables[name] == nil {
					continue
				}
				opts, isPartitioned := invTableOptions(def.String)
				if isPartitioned {
					partitioned = append(partitioned, name)
				}
				if opts == "" {
					continue
				}
				o.Definition = opts
			case "ixopt":
				if ti := r.tables[table]; ti == nil || !invHasIndex(ti.t, name) {
					continue // the table's own or an FK's index InnoDB made: not the user's
				}
			case "FUNCTION", "PROCEDURE":
				routines[code+" "+name] = len(objs)
			case "seq":
				sequences[name] = len(objs)
			}
			objs = append(objs, o)
		}
		return rows.Err()
	}()
	if err != nil {
		return fmt.Errorf("reflect unmanaged objects of database %s: %w", r.db, err)
	}
	if len(routines) > 0 {
		if err := r.routineParameters(ctx, objs, routines); err != nil {
			return err
		}
	}
	if len(sequences) > 0 {
		if err := r.sequenceOptions(ctx, objs, sequences); err != nil {
			return err
		}
	}
	if len(partitioned) > 0 {
		parts, err := r.partitions(ctx, partitioned)
		if err != nil {
			return err
		}
		objs = append(objs, parts...)
	}
	if r.mariadb {
		periods, err := r.periods(ctx)
		if err != nil {
			return err
		}
		objs = append(objs, periods...)
	}
	schema.SortObjects(objs)
	r.s.Unmanaged = objs
	return nil
}

// unqualify drops the database name the server writes before the names
// in a routine or event body, as loadViews does for views.
func (r *reflector) unqualify(def string) string {
	return strings.ReplaceAll(def, quote(r.db)+".", "")
}

// invTableOptions takes "partitioned" out of CREATE_OPTIONS (partitioning
// is reported on its own, with the partitions).
func invTableOptions(createOptions string) (string, bool) {
	var kept []string
	partitioned := false
	for _, f := range strings.Fields(createOptions) {
		if f == "partitioned" {
			partitioned = true
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " "), partitioned
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

// routineParameters puts each routine's parameter list at the head of
// its definition.
func (r *reflector) routineParameters(ctx context.Context, objs []schema.Object, routines map[string]int) error {
	const q = `SELECT ROUTINE_TYPE, SPECIFIC_NAME, GROUP_CONCAT(CONCAT_WS(' ', PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER)
	ORDER BY ORDINAL_POSITION SEPARATOR ', ')
FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
GROUP BY ROUTINE_TYPE, SPECIFIC_NAME`
	params := map[string]string{}
	if err := r.query(ctx, "routine parameters", q, func(rows *sql.Rows) error {
		var typ, name, list string
		if err := rows.Scan(&typ, &name, &list); err != nil {
			return err
		}
		params[typ+" "+name] = list
		return nil
	}); err != nil {
		return err
	}
	for key, i := range routines {
		objs[i].Definition = "(" + params[key] + ") " + objs[i].Definition
	}
	return nil
}

// partitions describes each partitioned table's partitioning: method,
// expression and every partition (and subpartition) with its bounds.
func (r *reflector) partitions(ctx context.Context, tables []string) ([]schema.Object, error) {
	q := `SELECT TABLE_NAME, CONCAT_WS(' ', PARTITION_METHOD, PARTITION_EXPRESSION,
	CONCAT('SUBPARTITION BY ', SUBPARTITION_METHOD, ' ', SUBPARTITION_EXPRESSION)),
	GROUP_CONCAT(CONCAT_WS(' ', PARTITION_NAME, SUBPARTITION_NAME, PARTITION_DESCRIPTION, NULLIF(PARTITION_COMMENT, ''))
		ORDER BY PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION SEPARATOR ', ')
FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?` + strings.Repeat(", ?", len(tables)-1) + `)
	AND PARTITION_NAME IS NOT NULL
GROUP BY TABLE_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, SUBPARTITION_METHOD, SUBPARTITION_EXPRESSION`
	args := []any{r.db}
	for _, t := range tables {
		args = append(args, t)
	}
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reflect partitions of database %s: %w", r.db, err)
	}
	defer rows.Close()
	var out []schema.Object
	for rows.Next() {
		var table, method, parts string
		if err := rows.Scan(&table, &method, &parts); err != nil {
			return nil, fmt.Errorf("reflect partitions of database %s: %w", r.db, err)
		}
		out = append(out, schema.Object{Kind: "partitioning", Name: table, Definition: method + " (" + parts + ")"})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reflect partitions of database %s: %w", r.db, err)
	}
	return out, nil
}
