package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// rebuildPrefix names the table a rebuild copies into.
const rebuildPrefix = "_retort_new_"

func rebuildStr(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// flush writes every pending table: created tables as CREATE TABLE, the
// others as a rebuild following https://www.sqlite.org/lang_altertable.html#otheralter.
func (r *renderer) flush() error {
	pend := r.pending
	r.pending = nil
	if len(pend) == 0 {
		return nil
	}
	rebuilt := map[string]bool{}
	for _, p := range pend {
		if !p.create {
			rebuilt[strings.ToLower(p.ref.Name)] = true
		}
	}
	// Modern ALTER TABLE RENAME checks every view and trigger, so any that
	// names a rebuilt table would fail while it is gone: drop them all
	// first and recreate them from their original SQL after.
	var views []*schema.View
	var trigs []*schema.Trigger
	if len(rebuilt) > 0 {
		r.rebuilt = true
		views = r.cur.Views
		for _, tr := range r.cur.Triggers {
			// A trigger on one rebuilt table may name another, rebuilt
			// later; triggers on views go with the views.
			if rebuilt[strings.ToLower(tr.Table)] || r.cur.View(tr.Schema, tr.Table) != nil ||
				rebuildMentionsAny(tr.SQL, rebuilt) {
				trigs = append(trigs, tr)
			}
		}
		for _, tr := range trigs {
			r.out = append(r.out, "DROP TRIGGER "+renderQ(tr.Name))
		}
		for _, v := range views {
			r.out = append(r.out, "DROP VIEW "+renderQ(v.Name))
		}
	}
	for _, p := range pend {
		t := r.cur.Table(p.ref.Schema, p.ref.Name)
		if t == nil {
			return fmt.Errorf("table %s vanished from the model", p.ref)
		}
		if err := checkTableOptions(t); err != nil {
			return err
		}
		r.opts.Naming.NameConstraints(t)
		for _, ix := range t.Indexes {
			if ix.Name == "" {
				ix.Name = renderIndexName(r.cur, t, ix, r.opts.Naming)
			}
		}
		if p.create {
			r.out = append(r.out, renderCreateTable(t, t.Name))
			r.out = append(r.out, rebuildIndexes(t)...)
			continue
		}
		r.out = append(r.out, r.rebuild(p, t)...)
	}
	for _, v := range views {
		r.out = append(r.out, renderCreateView(v))
	}
	for _, tr := range trigs {
		r.out = append(r.out, tr.SQL)
	}
	return nil
}

// rebuildMentionsAny reports whether SQL text names any of the tables; a
// false positive only costs a harmless drop and recreate.
func rebuildMentionsAny(sql string, tables map[string]bool) bool {
	low := strings.ToLower(sql)
	for t := range tables {
		if strings.Contains(low, t) {
			return true
		}
	}
	return false
}

func rebuildIndexes(t *schema.Table) []string {
	var out []string
	for _, ix := range t.Indexes {
		// Autoindexes belong to UNIQUE/PRIMARY KEY constraints and come
		// back with the table.
		if strings.HasPrefix(strings.ToLower(ix.Name), "sqlite_autoindex_") {
			continue
		}
		out = append(out, renderCreateIndex(ix, t.Name))
	}
	return out
}

// rebuild returns the statements that rebuild table p.src into target t
// (the same name: renames flush pending rebuilds first). Foreign keys are
// off (the plan runs PRAGMA foreign_keys = OFF before BEGIN), so dropping
// the old table deletes no ON DELETE CASCADE children.
func (r *renderer) rebuild(p *renderPending, t *schema.Table) []string {
	tmp := rebuildPrefix + t.Name
	out := []string{renderCreateTable(t, tmp)}
	var into, from []string
	if rebuildKeepRowid(p.src) && rebuildKeepRowid(t) {
		into, from = append(into, "rowid"), append(from, "rowid")
	}
	for _, c := range t.Columns {
		if c.Generated != nil {
			continue
		}
		src := p.src.Column(p.from[c.Name])
		if src == nil {
			continue
		}
		expr := renderQ(src.Name)
		if !c.Nullable && c.Default != nil && src.Nullable {
			// A column turning NOT NULL takes its default where it was NULL.
			expr = "COALESCE(" + expr + ", " + renderDefault(*c.Default) + ")"
		}
		into = append(into, renderQ(c.Name))
		from = append(from, expr)
	}
	if len(into) > 0 {
		insert := "INSERT INTO "
		if rebuildHasConflict(t) {
			// A plain INSERT would follow the new table's clauses and drop
			// or replace rows that break a constraint; a rebuild must fail.
			insert = "INSERT OR ABORT INTO "
		}
		out = append(out, insert+renderQ(tmp)+" ("+strings.Join(into, ", ")+")\n  SELECT "+
			strings.Join(from, ", ")+" FROM "+renderQ(p.src.Name))
	}
	if a := renderRowidAlias(t); a != nil && a.AutoIncrement {
		// Carry the AUTOINCREMENT counter so deleted ids are never reused.
		out = append(out,
			"DELETE FROM sqlite_sequence WHERE name = "+rebuildStr(tmp),
			"INSERT INTO sqlite_sequence (name, seq) SELECT "+rebuildStr(tmp)+", seq FROM sqlite_sequence WHERE name = "+rebuildStr(p.src.Name))
	}
	out = append(out,
		"DROP TABLE "+renderQ(p.src.Name),
		"ALTER TABLE "+renderQ(tmp)+" RENAME TO "+renderQ(t.Name))
	return append(out, rebuildIndexes(t)...)
}

// rebuildKeepRowid reports a rowid table without a rowid alias, whose
// implicit rowids the copy must carry explicitly.
func rebuildKeepRowid(t *schema.Table) bool {
	if renderOption(t, "WITHOUT ROWID") || renderRowidAlias(t) != nil {
		return false
	}
	for _, c := range t.Columns {
		switch strings.ToLower(c.Name) {
		case "rowid", "oid", "_rowid_":
			return false
		}
	}
	return true
}

// rebuildHasConflict reports a table with an ON CONFLICT clause other
// than the default, which a plain INSERT would apply.
func rebuildHasConflict(t *schema.Table) bool {
	if t.PrimaryKey != nil && t.PrimaryKey.OnConflict != "" {
		return true
	}
	for _, u := range t.Uniques {
		if u.OnConflict != "" {
			return true
		}
	}
	for _, c := range t.Columns {
		if c.NotNullConflict != "" {
			return true
		}
	}
	return false
}
