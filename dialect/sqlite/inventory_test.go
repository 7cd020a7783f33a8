package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// invCase is one kind of object the schema can hold. setup runs in every
// database, object only in the one that has the object, plain (if any)
// instead of it in the other. Either modelled says how reflection models
// the object, or kind/name is how the inventory reports it.
type invCase struct {
	kind, name    string
	setup, object []string
	plain         []string
	modelled      func(*schema.Schema) bool
}

var invCases = []invCase{
	// Reported kinds.
	{kind: "virtual table", name: "docs", object: []string{"CREATE VIRTUAL TABLE docs USING fts5(title, body)"}},
	{kind: "virtual table", name: "boxes", object: []string{"CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx)"}},
	{kind: "virtual table", name: "notes_fts", object: []string{"CREATE VIRTUAL TABLE notes_fts USING fts5(body, tokenize = 'porter')"},
		plain: []string{"CREATE VIRTUAL TABLE notes_fts USING fts5(body)"}},
	{kind: "table options", name: "pd", object: []string{"CREATE TABLE pd (id INTEGER PRIMARY KEY DESC, v TEXT)"},
		plain: []string{"CREATE TABLE pd (id INTEGER PRIMARY KEY, v TEXT)"}},

	// Modelled kinds: reflection has them, so the inventory must not.
	{kind: "table, index, partial index", object: []string{"CREATE TABLE mt (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT UNIQUE, description TEXT)",
		"CREATE INDEX mt_a ON mt (a DESC) WHERE a IS NOT NULL"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mt")
			return t != nil && t.Index("mt_a") != nil && t.Index("mt_a").Where != "" && len(t.Uniques) == 1
		}},
	{kind: "WITHOUT ROWID and STRICT", object: []string{"CREATE TABLE mw (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID, STRICT"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mw")
			return t != nil && t.Options["WITHOUT ROWID"] == "true" && t.Options["STRICT"] == "true"
		}},
	{kind: "ON CONFLICT on NOT NULL, PRIMARY KEY and UNIQUE", object: []string{
		"CREATE TABLE oc (id INTEGER PRIMARY KEY ON CONFLICT REPLACE, email TEXT NOT NULL ON CONFLICT IGNORE, n TEXT NULL ON CONFLICT FAIL, CHECK (id > 0) ON CONFLICT FAIL)",
		"CREATE TABLE ou (a INT, b INT, CONSTRAINT ou_ab UNIQUE (a, b) ON CONFLICT IGNORE)"},
		modelled: func(s *schema.Schema) bool {
			oc, ou := s.Table("", "oc"), s.Table("", "ou")
			return oc != nil && oc.PrimaryKey.OnConflict == "REPLACE" && oc.Column("email").NotNullConflict == "IGNORE" &&
				ou != nil && len(ou.Uniques) == 1 && ou.Uniques[0].OnConflict == "IGNORE"
		}},
	{kind: "view and trigger", setup: []string{"CREATE TABLE mvt (id INT)"},
		object:   []string{"CREATE VIEW mv AS SELECT id FROM mvt", "CREATE TRIGGER mtr AFTER INSERT ON mvt BEGIN SELECT 1; END"},
		modelled: func(s *schema.Schema) bool { return s.View("", "mv") != nil && s.Trigger("", "mtr") != nil }},
}

// Every kind of object is either modelled by reflection or reported by
// the inventory, with a definition that does not depend on how the DDL
// was spaced.
func TestInventoryKnowsEveryKind(t *testing.T) {
	withObject, without, again := reflOpenMemory(t), reflOpenMemory(t), reflOpenMemory(t)
	for _, c := range invCases {
		schematest.Exec(t, withObject, append(c.setup, c.object...)...)
		var spaced []string
		for _, s := range append(c.setup, c.object...) {
			spaced = append(spaced, strings.ReplaceAll(s, " ", "  "))
		}
		schematest.Exec(t, again, spaced...)
		schematest.Exec(t, without, append(c.setup, c.plain...)...)
	}
	ctx := context.Background()
	a, err := Dialect{}.Reflect(ctx, withObject)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Dialect{}.Reflect(ctx, without)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dialect{}.Reflect(ctx, again)
	if err != nil {
		t.Fatal(err)
	}

	want := map[string]bool{}
	for _, k := range invCases {
		if k.modelled != nil {
			if !k.modelled(a) {
				t.Errorf("%s: not modelled by reflection", k.kind)
			}
			continue
		}
		o := schema.Object{Kind: k.kind, Name: k.name}
		want[o.Key()] = true
		found := false
		for _, x := range a.Unmanaged {
			found = found || x.Key() == o.Key()
		}
		if !found {
			t.Errorf("%s %s: neither modelled nor reported; have %+v", k.kind, k.name, a.Unmanaged)
		}
	}
	got := map[string]bool{}
	for _, d := range diff.Unmanaged(b, a) {
		got[d.Object.Key()] = true
		if !want[d.Object.Key()] {
			t.Errorf("reported but not a difference of the cases: %s", d)
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("not reported as a difference: %q", strings.ReplaceAll(k, "\x00", "|"))
		}
	}
	if d := diff.Unmanaged(a, c); len(d) > 0 {
		t.Errorf("the same DDL spaced differently gives a different inventory: %v", d)
	}
}
