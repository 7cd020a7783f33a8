package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/schema"
)

// reflFresh opens a fresh test database whose connections use searchPath
// ("" for the server default); the path's schemas are created first.
func reflFresh(t testing.TB, searchPath string) (*sql.DB, *url.URL) {
	t.Helper()
	u := testdb.Postgres(t)
	ctx := context.Background()
	if searchPath != "" {
		db, err := Dialect{}.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range newSearchPath(searchPath, "", nil).schemas {
			if _, err := db.Exec("CREATE SCHEMA IF NOT EXISTS " + Dialect{}.Quote(s)); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		q := u.Query()
		q.Set("search_path", searchPath)
		u.RawQuery = q.Encode()
	}
	db, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, u
}

// reflNoDiff fails the test when diff finds changes between two schemas.
func reflNoDiff(t testing.TB, live, desired *schema.Schema) {
	t.Helper()
	if len(schematest.NoDiff(t, live, desired, diff.Options{})) > 0 {
		t.Logf("live:\n%s\ndesired:\n%s", reflDump(live), reflDump(desired))
	}
}

// reflDump prints a schema one fact per line, so tests compare whole
// reflections and failures read as diffs.
func reflDump(s *schema.Schema) string {
	var lines []string
	add := func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }
	for _, e := range s.Enums {
		add("enum %s.%s %q", e.Schema, e.Name, e.Values)
	}
	for _, t := range s.Tables {
		add("table %s.%s comment=%q", t.Schema, t.Name, t.Comment)
		for _, c := range t.Columns {
			def := "-"
			if c.Default != nil {
				def = *c.Default
			}
			gen := "-"
			if c.Generated != nil {
				gen = fmt.Sprintf("%s stored=%v", c.Generated.Expr, c.Generated.Stored)
			}
			add("  col %s %s null=%v default=%s auto=%v identity=%q gen=%s coll=%q comment=%q%s",
				c.Name, c.Type, c.Nullable, def, c.AutoIncrement, c.Identity, gen, c.Collation, c.Comment, dumpOpt("seq", c.IdentityOpts))
		}
		if pk := t.PrimaryKey; pk != nil {
			add("  pk %s %q%s", pk.Name, pk.Columns, dumpOpt("comment", pk.Comment))
		}
		for _, u := range t.Uniques {
			add("  unique %s %q deferrable=%v deferred=%v%s%s", u.Name, u.Columns, u.Deferrable, u.InitiallyDeferred,
				dumpOpt("nnd", u.NullsNotDistinct), dumpOpt("comment", u.Comment))
		}
		for _, c := range t.Checks {
			add("  check %s %s%s%s", c.Name, c.Expr, dumpOpt("noinherit", c.NoInherit), dumpOpt("comment", c.Comment))
		}
		for _, fk := range t.ForeignKeys {
			add("  fk %s %q -> %s.%s %q del=%s upd=%s deferrable=%v deferred=%v match=%q notvalid=%v%s",
				fk.Name, fk.Columns, fk.RefSchema, fk.RefTable, fk.RefColumns, fk.OnDelete, fk.OnUpdate,
				fk.Deferrable, fk.InitiallyDeferred, fk.Match, fk.NotValid, dumpOpt("comment", fk.Comment))
		}
		for _, ix := range t.Indexes {
			add("  index %s unique=%v method=%q parts=[%s] where=%q%s%s%s%s%s", ix.Name, ix.Unique, ix.Method, dumpParts(ix.Parts), ix.Where,
				dumpOpt("include", ix.Include), dumpOpt("with", ix.Params), dumpOpt("nnd", ix.NullsNotDistinct), dumpOpt("comment", ix.Comment), dumpOpt("invalid", ix.Invalid))
		}
		for _, x := range t.Exclusions {
			add("  exclude %s method=%q parts=[%s] where=%q deferrable=%v deferred=%v%s%s%s", x.Name, x.Method, dumpParts(x.Parts), x.Where,
				x.Deferrable, x.InitiallyDeferred, dumpOpt("include", x.Include), dumpOpt("with", x.Params), dumpOpt("comment", x.Comment))
		}
	}
	for _, v := range s.Views {
		add("view %s.%s %s%s", v.Schema, v.Name, strings.Join(strings.Fields(v.Def), " "), dumpOpt("comment", v.Comment))
	}
	for _, tr := range s.Triggers {
		add("trigger %s.%s on %s: %s", tr.Schema, tr.Name, tr.Table, tr.SQL)
	}
	return strings.Join(lines, "\n")
}

// dumpParts writes index or exclusion parts.
func dumpParts(ps []schema.IndexPart) string {
	var parts []string
	for _, p := range ps {
		s := p.Column
		if p.Expr != "" {
			s = "(" + p.Expr + ")"
		}
		if p.Collation != "" {
			s += " COLLATE " + p.Collation
		}
		if p.OpClass != "" {
			s += " " + p.OpClass
		}
		if p.Desc {
			s += " DESC"
		}
		if p.Nulls != "" {
			s += " NULLS " + p.Nulls
		}
		if p.Operator != "" {
			s += " WITH " + p.Operator
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// dumpOpt is " name=value" for a field that is set, "" otherwise, so the
// lines of schemas without it stay as they were.
func dumpOpt(name string, v any) string {
	switch v := v.(type) {
	case string:
		if v == "" {
			return ""
		}
		return fmt.Sprintf(" %s=%q", name, v)
	case bool:
		if !v {
			return ""
		}
		return " " + name
	case []string:
		if len(v) == 0 {
			return ""
		}
		return fmt.Sprintf(" %s=%q", name, v)
	case *schema.SeqOptions:
		if v == nil {
			return ""
		}
		return fmt.Sprintf(" %s=%+v", name, *v)
	}
	return fmt.Sprintf(" %s=%v", name, v)
}

// reflHas fails unless every wanted line appears in the dump.
func reflHas(t testing.TB, s *schema.Schema, want ...string) {
	t.Helper()
	d := reflDump(s)
	have := map[string]bool{}
	for _, l := range strings.Split(d, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var missing []string
	for _, w := range want {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("reflection lacks:\n  %s\nhave:\n%s", strings.Join(missing, "\n  "), d)
	}
}
