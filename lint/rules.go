package lint

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// rebuildTemp is the prefix of the tables a dialect's rebuilds copy into
// (Capabilities.RebuildPrefix); "" when the dialect never rebuilds.
type rebuildTemp string

// is reports whether table is a rebuild's copy.
func (p rebuildTemp) is(table string) bool { return p != "" && strings.HasPrefix(table, string(p)) }

// of names the copy a rebuild of table makes.
func (p rebuildTemp) of(table string) string { return string(p) + table }

// rebuilt returns the tables a revision rebuilds (copy into the temp
// table, then drop the original): their DROP TABLE loses nothing.
func rebuilt(stmts []stmt, temp rebuildTemp) map[string]bool {
	out := map[string]bool{}
	for _, s := range stmts {
		if s.kind == "insert" && temp.is(s.table) {
			out[strings.TrimPrefix(s.table, string(temp))] = true
		}
	}
	return out
}

// AllowDestructiveLine is the header line that allows a revision's
// destructive statements.
const AllowDestructiveLine = "-- retort:allow destructive"

// destructive: dropping a table, column, partition or sequence, a schema
// with its tables, a type with its columns, or truncating, loses data; it
// needs an explicit "-- retort:allow destructive" in the revision file.
func destructive(r Revision, stmts []stmt, temp rebuildTemp, generated map[string]bool, schemaDropRestricts bool) []Finding {
	rebuilds := rebuilt(stmts, temp)
	var out []Finding
	allow := "; add the header line \"" + AllowDestructiveLine + "\" to the revision if that is intended"
	for _, s := range stmts {
		// Every clause of an ALTER TABLE counts, whatever kind the
		// statement was classified as.
		if table, verb, parts := droppedPartitions(s.upper); table != "" {
			for _, p := range parts {
				out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Table: table,
					Message: fmt.Sprintf("%s PARTITION %s.%s loses the partition's rows", verb, table, p) + allow})
			}
			continue
		}
		if what := droppedContents(s.upper, schemaDropRestricts); what != "" {
			out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Message: what + allow})
			continue
		}
		if seqs := droppedSequences(s.upper); len(seqs) > 0 {
			for _, q := range seqs {
				out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line,
					Message: fmt.Sprintf("DROP SEQUENCE %s loses the sequence's current value", q) + allow})
			}
			continue
		}
		if table, cols := droppedColumns(s.upper); table != "" {
			for _, c := range cols {
				if generated[table+"."+c] {
					// Computed from other columns: nothing is lost. Only
					// its first drop; a later one may hold stored values.
					delete(generated, table+"."+c)
					continue
				}
				out = append(out, Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Table: table, Column: c,
					Message: fmt.Sprintf("DROP COLUMN %s.%s loses the column's values", table, c) + allow})
			}
			continue
		}
		switch s.kind {
		case "drop table", "truncate":
		default:
			continue
		}
		if s.kind == "drop table" && (rebuilds[s.table] || temp.is(s.table)) {
			continue
		}
		f := Finding{Rule: "destructive", Severity: Error, File: r.File, Line: s.Line, Table: s.table}
		switch s.kind {
		case "drop table":
			f.Message = fmt.Sprintf("DROP TABLE %s loses the table and its rows", s.table)
		default:
			f.Message = fmt.Sprintf("TRUNCATE %s loses the table's rows", s.table)
		}
		f.Message += allow
		out = append(out, f)
	}
	return out
}

// cascadingRebuild: where DROP TABLE on a parent with foreign keys on
// runs an implicit DELETE that fires every ON DELETE CASCADE child. A
// rebuild must switch foreign keys off first.
func cascadingRebuild(in Input, r Revision, stmts []stmt) []Finding {
	if !in.Capabilities.DropTableCascades || in.Live == nil {
		return nil
	}
	for _, s := range stmts {
		if s.kind == "pragma fk off" {
			return nil
		}
	}
	var out []Finding
	for _, s := range stmts {
		if s.kind != "drop table" {
			continue
		}
		for _, child := range cascadeChildren(in.Live, s.table) {
			out = append(out, Finding{
				Rule: "cascade-on-rebuild", Severity: Error, File: r.File, Line: s.Line,
				Message: fmt.Sprintf("DROP TABLE %s with foreign keys on deletes every row of %s through ON DELETE CASCADE; put \"PRAGMA foreign_keys = OFF\" first (retort runs it before the transaction)", s.table, child),
			})
		}
	}
	return out
}

func cascadeChildren(s *schema.Schema, parent string) []string {
	var out []string
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if strings.EqualFold(fk.RefTable, parent) && schema.Action(fk.OnDelete) == schema.Cascade && !strings.EqualFold(t.Name, parent) {
				out = append(out, t.QualifiedName())
			}
		}
	}
	return out
}

// postgresLocks: statements that hold strong locks for as long as they
// scan or rewrite a table that already has rows.
func postgresLocks(in Input, r Revision, stmts []stmt) []Finding {
	rows := func(table string) int64 {
		if in.RowEstimate == nil {
			return 0
		}
		return in.RowEstimate(table)
	}
	severity := func(table string) Severity {
		if rows(table) >= in.BigTable {
			return Error
		}
		return Warning
	}
	existing := func(table string) bool {
		if in.Live == nil {
			return false
		}
		_, bare, qualified := strings.Cut(table, ".")
		for _, t := range in.Live.Tables {
			if strings.EqualFold(t.QualifiedName(), table) || (qualified && strings.EqualFold(t.Name, bare)) || strings.EqualFold(t.Name, table) {
				return true
			}
		}
		return false
	}
	var out []Finding
	for _, s := range stmts {
		if !existing(s.table) {
			continue // a table created in this revision is empty
		}
		var msg string
		switch s.kind {
		case "add fk":
			if strings.Contains(s.upper, " NOT VALID") {
				continue
			}
			msg = "validating foreign key add scans %s (~%d rows) under SHARE ROW EXCLUSIVE on both tables; add it NOT VALID and VALIDATE CONSTRAINT in a separate transaction"
		case "create index":
			msg = "CREATE INDEX without CONCURRENTLY blocks writes to %s (~%d rows) while it builds; use CREATE INDEX CONCURRENTLY (retort runs it outside a transaction)"
		case "alter type":
			msg = "changing a column type may rewrite %s (~%d rows) under ACCESS EXCLUSIVE"
		case "add stored generated":
			msg = "adding a stored generated column rewrites %s (~%d rows) under ACCESS EXCLUSIVE to compute its values"
		case "set not null":
			msg = "SET NOT NULL scans %s (~%d rows) under ACCESS EXCLUSIVE; add a CHECK (col IS NOT NULL) NOT VALID constraint and validate it first"
		default:
			continue
		}
		out = append(out, Finding{Rule: "pg-lock", Severity: severity(s.table), File: r.File, Line: s.Line,
			Message: fmt.Sprintf(msg, s.table, rows(s.table))})
	}
	return out
}

// manyRelations is how many tables and indexes one revision may create
// before the lock table becomes a concern: PostgreSQL keeps a lock on every
// relation a transaction creates until COMMIT, and the shared lock table
// holds max_locks_per_transaction (64 by default) x max_connections
// entries; about 1,400 small tables in one transaction exhausted it here.
const manyRelations = 500

// tooManyRelations: a revision that creates very many relations in its one
// transaction can fail with "out of shared memory".
func tooManyRelations(r Revision, stmts []stmt) []Finding {
	n := 0
	for _, s := range stmts {
		if s.kind == "create table" || s.kind == "create index" {
			n++
		}
	}
	if n <= manyRelations {
		return nil
	}
	return []Finding{{Rule: "pg-lock-table", Severity: Warning, File: r.File,
		Message: fmt.Sprintf("revision creates %d tables and indexes in one transaction; PostgreSQL locks each until COMMIT and may run out of lock table space (\"out of shared memory\"): split the revision or raise max_locks_per_transaction", n)}}
}

// generatedColumns lists the live schema's generated columns as
// "table.column" (and "schema.table.column"), lower case as ident
// spells them.
func generatedColumns(live *schema.Schema) map[string]bool {
	out := map[string]bool{}
	if live == nil {
		return out
	}
	for _, t := range live.Tables {
		for _, c := range t.Columns {
			if c.Generated != nil {
				out[strings.ToLower(t.Name+"."+c.Name)] = true
				out[strings.ToLower(t.QualifiedName()+"."+c.Name)] = true
			}
		}
	}
	return out
}
