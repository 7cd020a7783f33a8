package mysql

import (
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// invCase is one kind of object the server can hold. setup runs in every
// database, object only in the one that has the object, plain (if any)
// instead of it in the other. Either modelled says how reflection models
// the object, or kind/table/name is how the inventory reports it.
type invCase struct {
	kind, table, name string
	setup, object     []string
	plain             []string
	mariadbOnly       bool
	modelled          func(*schema.Schema) bool
}

var invCases = []invCase{
	// Reported kinds.
	{kind: "system-versioned table", name: "svc", mariadbOnly: true,
		object: []string{"CREATE TABLE svc (id INT, a INT WITHOUT SYSTEM VERSIONING) WITH SYSTEM VERSIONING"},
		plain:  []string{"CREATE TABLE svc (id INT, a INT) WITH SYSTEM VERSIONING"}},
	{kind: "application-time period", table: "ap", name: "p", mariadbOnly: true,
		object: []string{"CREATE TABLE ap (id INT, s DATE NOT NULL, e DATE NOT NULL, PERIOD FOR p (s, e))"},
		plain:  []string{"CREATE TABLE ap (id INT, s DATE NOT NULL, e DATE NOT NULL, CONSTRAINT p CHECK (s < e))"}},
	{kind: "column options", table: "gs", name: "pt", mariadbOnly: true,
		object: []string{"CREATE TABLE gs (id INT, pt POINT REF_SYSTEM_ID=4326 NOT NULL)"},
		plain:  []string{"CREATE TABLE gs (id INT, pt POINT NOT NULL)"}},
	{kind: "system-versioned table", name: "sv", mariadbOnly: true, object: []string{"CREATE TABLE sv (id INT PRIMARY KEY) WITH SYSTEM VERSIONING"}},
	{kind: "table options", name: "sp", object: []string{"CREATE TABLE sp (id INT PRIMARY KEY) STATS_PERSISTENT=0"},
		plain: []string{"CREATE TABLE sp (id INT PRIMARY KEY)"}},
	{kind: "index options", table: "pkc", name: "PRIMARY",
		object: []string{"CREATE TABLE pkc (id INT, PRIMARY KEY (id) COMMENT 'why')"}, plain: []string{"CREATE TABLE pkc (id INT PRIMARY KEY)"}},

	// Modelled kinds: reflection has them, so the inventory must not.
	{kind: "table with a comment, FK and its implicit index", object: []string{"CREATE TABLE mp (id INT PRIMARY KEY) COMMENT 'p'",
		"CREATE TABLE mc (id INT PRIMARY KEY, p INT, CONSTRAINT mc_p FOREIGN KEY (p) REFERENCES mp (id))"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mc")
			return t != nil && len(t.ForeignKeys) == 1 && s.Table("", "mp") != nil && s.Table("", "mp").Comment == "p"
		}},
	{kind: "view", setup: []string{"CREATE TABLE mvt (id INT)"}, object: []string{"CREATE VIEW mv AS SELECT id FROM mvt"},
		modelled: func(s *schema.Schema) bool { return s.View("", "mv") != nil }},
	{kind: "trigger", setup: []string{"CREATE TABLE mtr (id INT)"},
		object:   []string{"CREATE TRIGGER mtrt BEFORE INSERT ON mtr FOR EACH ROW SET NEW.id = NEW.id + 1"},
		modelled: func(s *schema.Schema) bool { return s.Trigger("", "mtrt") != nil }},
	{kind: "sequence", mariadbOnly: true, object: []string{"CREATE SEQUENCE sqo START WITH 10 INCREMENT BY 5 CYCLE"},
		modelled: func(s *schema.Schema) bool {
			o := s.Object(schema.ObjectKey("sequence", "", "", "sqo"))
			return o != nil && strings.Contains(o.Definition, "INCREMENT BY 5") && strings.HasSuffix(o.Definition, " CYCLE")
		}},
	{kind: "view options", setup: []string{"CREATE TABLE vct (id INT)"},
		object: []string{"CREATE SQL SECURITY INVOKER VIEW vc AS SELECT id FROM vct WITH CHECK OPTION"},
		modelled: func(s *schema.Schema) bool {
			v := s.View("", "vc")
			return v != nil && v.Options == "check_option=CASCADED, sql_security=INVOKER"
		}},
	{kind: "index comment", setup: []string{"CREATE TABLE ic (id INT PRIMARY KEY, a INT)"},
		object: []string{"CREATE INDEX ic_a ON ic (a) COMMENT 'why'"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "ic")
			return t != nil && t.Index("ic_a") != nil && t.Index("ic_a").Comment == "why"
		}},
	{kind: "event", setup: []string{"CREATE TABLE evt (id INT)"},
		object:   []string{"CREATE EVENT ev ON SCHEDULE EVERY 1 HOUR DO DELETE FROM evt"},
		modelled: func(s *schema.Schema) bool { return s.Object(schema.ObjectKey("event", "", "", "ev")) != nil }},
	{kind: "one-time event", setup: []string{"CREATE TABLE evo (id INT)"},
		object:   []string{"CREATE EVENT ev_once ON SCHEDULE AT '2035-01-01 00:00:00' DO DELETE FROM evo"},
		modelled: func(s *schema.Schema) bool { return s.Object(schema.ObjectKey("event", "", "", "ev_once")) != nil }},
	{kind: "procedure", object: []string{"CREATE PROCEDURE pr(IN x INT) SELECT x"},
		modelled: func(s *schema.Schema) bool { return s.Object(schema.ObjectKey("procedure", "", "", "pr")) != nil }},
	{kind: "function", object: []string{"CREATE FUNCTION fn(x INT) RETURNS INT DETERMINISTIC RETURN x + 1"},
		modelled: func(s *schema.Schema) bool { return s.Object(schema.ObjectKey("function", "", "", "fn")) != nil }},
	{kind: "partitioning", object: []string{"CREATE TABLE pt (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)"},
		modelled: func(s *schema.Schema) bool { t := s.Table("", "pt"); return t != nil && t.Options[optPartitions] != "" }},
	{kind: "hash partitioning", object: []string{"CREATE TABLE ph (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "ph")
			return t != nil && t.Options[optPartitionBy] == "HASH (`id`) PARTITIONS 4"
		}},
	{kind: "row format", object: []string{"CREATE TABLE rf (id INT PRIMARY KEY) ROW_FORMAT=COMPRESSED"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "rf")
			return t != nil && t.Options[optRowFormat] == "COMPRESSED"
		}},
	{kind: "check and index", object: []string{"CREATE TABLE mk (id INT PRIMARY KEY, a INT, CONSTRAINT mk_a CHECK (a > 0))",
		"CREATE INDEX mk_ai ON mk (a)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mk")
			return t != nil && len(t.Checks) == 1 && t.Index("mk_ai") != nil
		}},
}

// Every kind of object is either modelled by reflection or reported by
// the inventory, with a definition that does not depend on the database
// it was created in.
func TestInventoryKnowsEveryKind(t *testing.T) {
	withObject, _ := freshDB(t)
	without, _ := freshDB(t)
	again, _ := freshDB(t)
	mariadb := isMariaDB(schematest.Reflect(t, Dialect{}, withObject).Server)
	var cases []invCase
	for _, c := range invCases {
		if c.mariadbOnly && !mariadb {
			t.Logf("skipping %s: MariaDB only", c.kind)
			continue
		}
		cases = append(cases, c)
		schematest.Exec(t, withObject, append(c.setup, c.object...)...)
		schematest.Exec(t, again, append(c.setup, c.object...)...)
		schematest.Exec(t, without, append(c.setup, c.plain...)...)
	}
	a, b, c := schematest.Reflect(t, Dialect{}, withObject), schematest.Reflect(t, Dialect{}, without), schematest.Reflect(t, Dialect{}, again)

	want := map[string]bool{}
	for _, k := range cases {
		if k.modelled != nil {
			if !k.modelled(a) {
				t.Errorf("%s: not modelled by reflection:\n%s", k.kind, dump(a))
			}
			continue
		}
		o := schema.Object{Kind: k.kind, Table: k.table, Name: k.name}
		want[o.Key()] = true
		found := false
		for _, x := range a.Unmanaged {
			found = found || x.Key() == o.Key()
		}
		if !found {
			t.Errorf("%s %s on %q: neither modelled nor reported", k.kind, k.name, k.table)
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
	if ops, err := diff.Schemas(a, c, diff.Options{FKNeedsIndex: true, TableOptions: comparedTableOptions}); err != nil || len(ops) > 0 {
		t.Errorf("the same DDL in two databases gives different models: %v %v", ops, err)
	}
	if d := diff.Unmanaged(a, c); len(d) > 0 {
		var lines []string
		for _, x := range d {
			lines = append(lines, "  "+x.String())
		}
		sort.Strings(lines)
		t.Errorf("the same DDL in two databases gives different inventories:\n%s", strings.Join(lines, "\n"))
	}
}
