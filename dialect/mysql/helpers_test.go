package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/schema"
)

// freshDB opens a new, empty test database.
func freshDB(t testing.TB) (*sql.DB, *url.URL) {
	t.Helper()
	u := testdb.MySQL(t)
	db, err := Dialect{}.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // session settings stick, like a script run
	t.Cleanup(func() { db.Close() })
	return db, u
}

// dump prints a schema as stable text, one fact per line, so tests can
// compare whole reflections and show readable diffs.
func dump(s *schema.Schema) string {
	var lines []string
	add := func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }
	for _, t := range s.Tables {
		add("table %s comment=%q", t.Name, t.Comment)
		add("  options %s", attrs(t.Options))
		for _, c := range t.Columns {
			def := "-"
			if c.Default != nil {
				def = *c.Default
			}
			gen := ""
			if c.Generated != nil {
				gen = fmt.Sprintf(" gen=%q stored=%v", c.Generated.Expr, c.Generated.Stored)
			}
			add("  col %s %s null=%v default=%s ai=%v coll=%q comment=%q attrs=%v%s", c.Name, c.Type, c.Nullable, def, c.AutoIncrement, c.Collation, c.Comment, attrs(c.Attrs), gen)
		}
		if t.PrimaryKey != nil {
			if m := t.PrimaryKey.Method; m != "" {
				add("  pk %v method=%s", t.PrimaryKey.Columns, m)
			} else {
				add("  pk %v", t.PrimaryKey.Columns)
			}
		}
		for _, u := range t.Uniques {
			add("  unique %s %v", u.Name, u.Columns)
		}
		for _, ix := range t.Indexes {
			add("  index %s unique=%v method=%q invisible=%v parts=%s", ix.Name, ix.Unique, ix.Method, ix.Invisible, partsText(ix.Parts))
		}
		for _, fk := range t.ForeignKeys {
			add("  fk %s %v -> %s%s%v delete=%s update=%s", fk.Name, fk.Columns, fk.RefSchema, fk.RefTable, fk.RefColumns, fk.OnDelete, fk.OnUpdate)
		}
		for _, ck := range t.Checks {
			if ck.Column != "" {
				add("  check %s %s column=%s", ck.Name, ck.Expr, ck.Column)
				continue
			}
			add("  check %s %s", ck.Name, ck.Expr)
		}
	}
	for _, v := range s.Views {
		add("view %s %s", v.Name, v.Def)
	}
	for _, tr := range s.Triggers {
		add("trigger %s on %s: %s", tr.Name, tr.Table, tr.SQL)
	}
	return strings.Join(lines, "\n")
}

func attrs(m map[string]string) string {
	var kv []string
	for k, v := range m {
		kv = append(kv, k+"="+v)
	}
	sort.Strings(kv)
	return "{" + strings.Join(kv, ",") + "}"
}

// partsText prints key parts field by field, as SQL writes them
// ("title(10) DESC, n"), so a field added to schema.IndexPart changes no
// expected line.
func partsText(parts []schema.IndexPart) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		s := p.Column
		if p.Expr != "" {
			s = "(" + p.Expr + ")"
		}
		if p.Prefix != 0 {
			s += fmt.Sprintf("(%d)", p.Prefix)
		}
		if p.Collation != "" {
			s += " COLLATE " + p.Collation
		}
		if p.Desc {
			s += " DESC"
		}
		out[i] = s
	}
	return strings.Join(out, ", ")
}
