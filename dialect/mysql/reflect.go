package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// reflector holds one reflection's state: a handful of catalog-wide
// queries fill it, each linear in the size of the schema.
type reflector struct {
	q       dialect.Querier
	pool    *sql.DB // q when it is a pool, else nil
	db      string  // the connected database
	mariadb bool
	s       *schema.Schema
	tables  map[string]*tableInfo
	// partitioned names the tables whose CREATE_OPTIONS say so: only
	// they are looked up in information_schema.PARTITIONS, which opens
	// every table it lists.
	partitioned []string
	// sequences are the MariaDB sequences loadTables met, with their
	// comments, for loadSequences.
	sequences  []sequenceRow
	collations map[string]collation // by name
}

type tableInfo struct {
	t         *schema.Table
	charset   string
	collation string
	uniques   map[string]bool // names of UNIQUE constraints
	colChecks map[string]string
	// keys are the table's indexes as STATISTICS lists them, Method the
	// INDEX_TYPE, until placeIndexes files them with def.
	keys []*schema.Index
	def  tableDef // from SHOW CREATE TABLE
}

// Reflect implements dialect.Dialect for the connected database.
func (Dialect) Reflect(ctx context.Context, q dialect.Querier) (*schema.Schema, error) {
	r := &reflector{q: q, s: &schema.Schema{}, tables: map[string]*tableInfo{}}
	r.pool, _ = q.(*sql.DB)
	var version string
	var db sql.NullString
	if err := q.QueryRowContext(ctx, "SELECT VERSION(), DATABASE()").Scan(&version, &db); err != nil {
		return nil, fmt.Errorf("reflect: read server version: %w", err)
	}
	if !db.Valid || db.String == "" {
		return nil, fmt.Errorf("reflect: the connection has no current database; put one in the URL (mysql://host/db)")
	}
	r.db = db.String
	r.mariadb = isMariaDB(version)
	r.s.Server = version
	for _, step := range []func(context.Context) error{r.loadCollations, r.loadTables} {
		if err := step(ctx); err != nil {
			return nil, err
		}
	}
	// Each lane writes its own part: the columns and checks of the
	// tables; their keys (in tableInfo.keys), foreign keys and
	// partitioning options; the schema's views, triggers and objects and
	// the inventory's rows; the table definitions (tableInfo.def).
	var inv inventory
	lanes := append([][]step{
		{(*reflector).loadColumns, (*reflector).loadChecks},
		{(*reflector).loadConstraints, (*reflector).loadIndexes, (*reflector).loadForeignKeys, (*reflector).loadPartitions},
		{(*reflector).loadViews, (*reflector).loadTriggers, (*reflector).loadEvents, (*reflector).loadRoutines, (*reflector).loadSequences, inv.read},
	}, r.defSteps()...)
	if err := r.runLanes(ctx, lanes...); err != nil {
		return nil, err
	}
	for _, t := range r.s.Tables {
		ti := r.tables[t.Name]
		r.placeIndexes(ti)
		definedOptions(ti)
		dropImplicitFKIndexes(t)
	}
	schema.SortSQLObjects(r.s.Objects)
	r.fileInventory(&inv)
	return r.s, nil
}

func isMariaDB(version string) bool { return strings.Contains(strings.ToLower(version), "mariadb") }

// query runs one catalog query and hands each row to scan.
func (r *reflector) query(ctx context.Context, what, query string, scan func(*sql.Rows) error) error {
	rows, err := r.q.QueryContext(ctx, query, r.db)
	if err != nil {
		return fmt.Errorf("reflect %s of database %s: %w", what, r.db, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("reflect %s of database %s: %w", what, r.db, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflect %s of database %s: %w", what, r.db, err)
	}
	return nil
}

func (r *reflector) loadTables(ctx context.Context) error {
	const q = `SELECT t.TABLE_NAME, COALESCE(t.ENGINE, ''), COALESCE(t.TABLE_COLLATION, ''),
  COALESCE(t.TABLE_COMMENT, ''), COALESCE(t.CREATE_OPTIONS, ''), t.TABLE_TYPE
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')
ORDER BY t.TABLE_NAME`
	return r.query(ctx, "tables", q, func(rows *sql.Rows) error {
		var name, engine, coll, comment, createOptions, typ string
		if err := rows.Scan(&name, &engine, &coll, &comment, &createOptions, &typ); err != nil {
			return err
		}
		if typ == "SEQUENCE" {
			r.sequences = append(r.sequences, sequenceRow{name, comment})
			return nil
		}
		if dialect.IsBookkeeping(name) || r.tables[name] != nil {
			return nil
		}
		cs := r.collations[coll].charset
		if cs == "" {
			cs, _, _ = strings.Cut(coll, "_")
		}
		t := &schema.Table{Name: name, Comment: comment, Options: map[string]string{}}
		if engine != "" {
			t.Options["engine"] = engine
		}
		if cs != "" {
			t.Options["charset"] = cs
		}
		if coll != "" {
			t.Options["collation"] = coll
		}
		if rf := rowFormat(createOptions); rf != "" {
			t.Options[optRowFormat] = rf
		}
		if isPartitioned(createOptions) {
			r.partitioned = append(r.partitioned, name)
		}
		r.tables[name] = &tableInfo{t: t, charset: cs, collation: coll, uniques: map[string]bool{}, colChecks: map[string]string{}}
		r.s.Tables = append(r.s.Tables, t)
		return nil
	})
}

// loadConstraints reads which unique indexes are UNIQUE constraints. On
// MariaDB every unique index is one (TABLE_CONSTRAINTS lists each key
// with a unique flag, as STATISTICS' NON_UNIQUE reads it: checked for
// UNIQUE KEY, CREATE UNIQUE INDEX, a long UNIQUE on TEXT and USING HASH),
// so the query, which opens every table in full, is skipped there
// (issue #15).
func (r *reflector) loadConstraints(ctx context.Context) error {
	if r.mariadb {
		return nil
	}
	const q = `SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS
WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE = 'UNIQUE'`
	return r.query(ctx, "unique constraints", q, func(rows *sql.Rows) error {
		var table, name string
		if err := rows.Scan(&table, &name); err != nil {
			return err
		}
		if ti := r.tables[table]; ti != nil {
			ti.uniques[name] = true
		}
		return nil
	})
}

func (r *reflector) loadTriggers(ctx context.Context) error {
	const q = `SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER`
	var group, prev string
	return r.query(ctx, "triggers", q, func(rows *sql.Rows) error {
		var name, table, timing, event, body string
		if err := rows.Scan(&name, &table, &timing, &event, &body); err != nil {
			return err
		}
		if dialect.IsBookkeeping(table) {
			return nil
		}
		body = strings.ReplaceAll(body, quote(r.db)+".", "")
		r.s.Triggers = append(r.s.Triggers, &schema.Trigger{
			Name: name, Table: table,
			SQL: fmt.Sprintf("CREATE TRIGGER %s %s %s ON %s FOR EACH ROW %s%s", quote(name), timing, event, quote(table), triggerFollows(&group, &prev, table+" "+timing+" "+event, name), body),
		})
		return nil
	})
}
