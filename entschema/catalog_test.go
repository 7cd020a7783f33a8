package entschema

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// apply runs the DDL statement by statement; each ends with ";" at the
// end of a line in ent's output, and "--" lines are comments.
func apply(t *testing.T, db *sql.DB, ddl string) {
	t.Helper()
	var stmt strings.Builder
	for _, line := range strings.Split(ddl, "\n") {
		if strings.HasPrefix(line, "--") || strings.TrimSpace(line) == "" {
			continue
		}
		stmt.WriteString(line + "\n")
		if strings.HasSuffix(line, ";") {
			if _, err := db.ExecContext(context.Background(), stmt.String()); err != nil {
				t.Fatalf("applying %s: %v", stmt.String(), err)
			}
			stmt.Reset()
		}
	}
	if strings.TrimSpace(stmt.String()) != "" {
		t.Fatalf("DDL ends with an unterminated statement: %s", stmt.String())
	}
}

// fkQueries list every foreign key as table, column, referenced table,
// delete rule, one catalog query per dialect.
var fkQueries = map[string]string{
	"sqlite": `SELECT m.name, p."from", p."table", p.on_delete
		FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table'`,
	"postgres": `SELECT kcu.table_name, kcu.column_name, ccu.table_name, rc.delete_rule
		FROM information_schema.referential_constraints rc
		JOIN information_schema.key_column_usage kcu
		  ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
		JOIN information_schema.constraint_column_usage ccu
		  ON ccu.constraint_schema = rc.unique_constraint_schema AND ccu.constraint_name = rc.unique_constraint_name
		WHERE rc.constraint_schema = current_schema()`,
	"mariadb": `SELECT kcu.TABLE_NAME, kcu.COLUMN_NAME, kcu.REFERENCED_TABLE_NAME, rc.DELETE_RULE
		FROM information_schema.REFERENTIAL_CONSTRAINTS rc
		JOIN information_schema.KEY_COLUMN_USAGE kcu
		  ON kcu.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
		 AND kcu.TABLE_NAME = rc.TABLE_NAME
		WHERE rc.CONSTRAINT_SCHEMA = DATABASE()`,
}

// foreignKeys returns "table.column -> referenced ON DELETE rule" for
// every foreign key in the database, sorted.
func foreignKeys(t *testing.T, db *sql.DB, dialect string) []string {
	t.Helper()
	rows, err := db.Query(fkQueries[dialect])
	if err != nil {
		t.Fatalf("listing foreign keys: %v", err)
	}
	defer rows.Close()
	var fks []string
	for rows.Next() {
		var table, column, ref, onDelete string
		if err := rows.Scan(&table, &column, &ref, &onDelete); err != nil {
			t.Fatal(err)
		}
		fks = append(fks, fmt.Sprintf("%s.%s -> %s ON DELETE %s", table, column, ref, onDelete))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(fks)
	return fks
}

// catalogQueries describe every column, index and constraint as text
// rows, so two databases built differently can be compared.
var catalogQueries = map[string][]string{
	"sqlite": {
		`SELECT m.name, p.cid, p.name, p.type, p."notnull", coalesce(p.dflt_value, ''), p.pk
		   FROM sqlite_master m JOIN pragma_table_info(m.name) p
		  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
		`SELECT m.name, il.name, il."unique", il.origin, ii.seqno, coalesce(ii.name, '')
		   FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
		  WHERE m.type = 'table'`,
		`SELECT m.name, p.id, p.seq, p."table", p."from", p."to", p.on_update, p.on_delete
		   FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table'`,
	},
	"postgres": {
		`SELECT table_name, ordinal_position, column_name, data_type, is_nullable,
		        coalesce(column_default, ''), is_identity, coalesce(identity_generation, '')
		   FROM information_schema.columns WHERE table_schema = current_schema()`,
		`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()`,
		`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
		   FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`,
	},
	"mariadb": {
		`SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,
		        coalesce(COLUMN_DEFAULT, ''), EXTRA, coalesce(COLLATION_NAME, '')
		   FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
		`SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME
		   FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()`,
		`SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
		        kcu.COLUMN_NAME, kcu.REFERENCED_COLUMN_NAME
		   FROM information_schema.REFERENTIAL_CONSTRAINTS rc
		   JOIN information_schema.KEY_COLUMN_USAGE kcu
		     ON kcu.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
		    AND kcu.TABLE_NAME = rc.TABLE_NAME
		  WHERE rc.CONSTRAINT_SCHEMA = DATABASE()`,
		`SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
	},
}

// catalog returns the database's columns, indexes and constraints as
// sorted lines.
func catalog(t *testing.T, db *sql.DB, dialect string) []string {
	t.Helper()
	var lines []string
	for _, q := range catalogQueries[dialect] {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("describing the catalog with %s: %v", q, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fields := make([]string, len(vals))
			for i, v := range vals {
				fields[i] = v.String
			}
			lines = append(lines, strings.Join(fields, " | "))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	slices.Sort(lines)
	return lines
}
