package postgres

import (
	"database/sql"
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
	minVersion        int
	needs             string // an extension that must be available
	modelled          func(*schema.Schema) bool
}

var invCases = []invCase{
	// Reported kinds.
	{kind: "constraint options", table: "pd", name: "pd_pkey",
		object: []string{"CREATE TABLE pd (id int PRIMARY KEY DEFERRABLE)"}, plain: []string{"CREATE TABLE pd (id int PRIMARY KEY)"}},
	{kind: "comment on index", name: "public.cpk_pkey", setup: []string{"CREATE TABLE cpk (a int PRIMARY KEY)"},
		object: []string{"COMMENT ON INDEX cpk_pkey IS 'i'"}},
	{kind: "comment on sequence", name: "public.cis_id_seq", setup: []string{"CREATE TABLE cis (id int GENERATED ALWAYS AS IDENTITY)"},
		object: []string{"COMMENT ON SEQUENCE cis_id_seq IS 's'"}},
	{kind: "sequence options", table: "so", name: "id",
		object: []string{"CREATE TABLE so (id serial)", "ALTER SEQUENCE so_id_seq START WITH 100"},
		plain:  []string{"CREATE TABLE so (id serial)"}},
	{kind: "comment on type", name: "public.ct", setup: []string{"CREATE TYPE ct AS ENUM ('a')"}, object: []string{"COMMENT ON TYPE ct IS 't'"}},
	{kind: "user mapping", name: "FOR public SERVER fs4", setup: []string{"CREATE FOREIGN DATA WRAPPER fw4", "CREATE SERVER fs4 FOREIGN DATA WRAPPER fw4"},
		object: []string{"CREATE USER MAPPING FOR PUBLIC SERVER fs4 OPTIONS (user 'app', password 'secret')"}},
	{kind: "aggregate", name: "ag(integer)", object: []string{"CREATE AGGREGATE ag(int) (sfunc = int4pl, stype = int)"}},
	{kind: "shell type", name: "sh", object: []string{"CREATE TYPE sh"}},
	{kind: "range type", name: "rg", object: []string{"CREATE TYPE rg AS RANGE (subtype = float8)"}},
	{kind: "table options", name: "mo", object: []string{"CREATE MATERIALIZED VIEW mo WITH (fillfactor = 50) AS SELECT 1 AS x"},
		plain: []string{"CREATE MATERIALIZED VIEW mo AS SELECT 1 AS x"}},
	{kind: "table options", name: "tf", object: []string{"CREATE TABLE tf (a int) WITH (fillfactor = 50)"}, plain: []string{"CREATE TABLE tf (a int)"}},
	{kind: "table options", name: "ih_c", setup: []string{"CREATE TABLE ih_p (a int)"},
		object: []string{"CREATE TABLE ih_c () INHERITS (ih_p)"}, plain: []string{"CREATE TABLE ih_c (a int)"}},
	{kind: "column options", table: "cs", name: "a", setup: []string{"CREATE TABLE cs (a text)"},
		object: []string{"ALTER TABLE cs ALTER a SET STORAGE EXTERNAL"}},
	{kind: "table options", name: "pu_1", setup: []string{"CREATE TABLE pu (a int) PARTITION BY LIST (a)"},
		object: []string{"CREATE UNLOGGED TABLE pu_1 PARTITION OF pu FOR VALUES IN (1)"}, plain: []string{"CREATE TABLE pu_1 PARTITION OF pu FOR VALUES IN (1)"}},
	{kind: "trigger on partition", table: "tp_1", name: "tpt",
		setup: []string{"CREATE TABLE tp (a int) PARTITION BY RANGE (a)", "CREATE TABLE tp_1 PARTITION OF tp FOR VALUES FROM (0) TO (10)",
			"CREATE FUNCTION tpf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$"},
		object: []string{"CREATE TRIGGER tpt BEFORE INSERT ON tp_1 FOR EACH ROW EXECUTE FUNCTION tpf()"}},
	{kind: "trigger options", table: "tr", name: "trt",
		setup: []string{"CREATE TABLE tr (a int)", "CREATE FUNCTION trf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
			"CREATE TRIGGER trt BEFORE INSERT ON tr FOR EACH ROW EXECUTE FUNCTION trf()"},
		object: []string{"ALTER TABLE tr DISABLE TRIGGER trt"}},
	{kind: "rule", table: "ru", name: "ru_r", setup: []string{"CREATE TABLE ru (a int)"},
		object: []string{"CREATE RULE ru_r AS ON INSERT TO ru DO INSTEAD NOTHING"}},
	{kind: "statistics", table: "st", name: "st_s", setup: []string{"CREATE TABLE st (a int, b int)"},
		object: []string{"CREATE STATISTICS st_s ON a, b FROM st"}},
	{kind: "collation", name: "co", object: []string{`CREATE COLLATION co FROM "C"`}},
	{kind: "operator", name: "===(integer, integer)",
		setup:  []string{"CREATE FUNCTION opf(int, int) RETURNS bool LANGUAGE sql AS 'SELECT $1 = $2'"},
		object: []string{"CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = opf)"}},
	{kind: "text search configuration", name: "tsc", object: []string{"CREATE TEXT SEARCH CONFIGURATION tsc (COPY = english)"}},
	{kind: "text search dictionary", name: "tsd", object: []string{"CREATE TEXT SEARCH DICTIONARY tsd (TEMPLATE = simple)"}},
	{kind: "foreign-data wrapper", name: "fw1", object: []string{"CREATE FOREIGN DATA WRAPPER fw1"}},
	{kind: "foreign server", name: "fs2", setup: []string{"CREATE FOREIGN DATA WRAPPER fw2"},
		object: []string{"CREATE SERVER fs2 FOREIGN DATA WRAPPER fw2"}},
	{kind: "foreign table", name: "ft", setup: []string{"CREATE FOREIGN DATA WRAPPER fw3", "CREATE SERVER fs3 FOREIGN DATA WRAPPER fw3"},
		object: []string{"CREATE FOREIGN TABLE ft (a int) SERVER fs3"}},
	{kind: "cast", name: "(ca AS text)", setup: []string{"CREATE TYPE ca AS (a int)"}, object: []string{"CREATE CAST (ca AS text) WITH INOUT"}},
	{kind: "publication", name: "pb", object: []string{"CREATE PUBLICATION pb"}},

	// Modelled kinds: reflection has them, so the inventory must not.
	{kind: "table, its comment and a column's", object: []string{"CREATE TABLE mt (a int)", "COMMENT ON TABLE mt IS 't'", "COMMENT ON COLUMN mt.a IS 'a'"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mt")
			return t != nil && t.Comment == "t" && t.Column("a") != nil && t.Column("a").Comment == "a"
		}},
	{kind: "serial column (its sequence)", object: []string{"CREATE TABLE ms (id serial PRIMARY KEY)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "ms")
			return t != nil && t.Column("id") != nil && t.Column("id").AutoIncrement
		}},
	{kind: "identity column (its sequence)", object: []string{"CREATE TABLE mid (id bigint GENERATED ALWAYS AS IDENTITY)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mid")
			return t != nil && t.Column("id") != nil && t.Column("id").Identity == "ALWAYS"
		}},
	{kind: "enum", object: []string{"CREATE TYPE me AS ENUM ('x')"},
		modelled: func(s *schema.Schema) bool { return len(s.Enums) > 0 }},
	{kind: "view", object: []string{"CREATE VIEW mv2 AS SELECT 1 AS x"},
		modelled: func(s *schema.Schema) bool { return s.View("", "mv2") != nil }},
	{kind: "keys, check and partial index", object: []string{"CREATE TABLE mk (id int PRIMARY KEY, p int REFERENCES mk, u int UNIQUE, CHECK (u > 0))",
		"CREATE INDEX mk_p ON mk (p) WHERE p > 0"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mk")
			return t != nil && t.PrimaryKey != nil && len(t.ForeignKeys) == 1 && len(t.Uniques) == 1 && len(t.Checks) == 1 &&
				len(t.Indexes) == 1 && t.Indexes[0].Where != ""
		}},
	{kind: "trigger", setup: []string{"CREATE TABLE mtr (a int)", "CREATE FUNCTION mtrf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$"},
		object: []string{"CREATE TRIGGER mtrt BEFORE INSERT ON mtr FOR EACH ROW EXECUTE FUNCTION mtrf()"},
		modelled: func(s *schema.Schema) bool {
			for _, tr := range s.Triggers {
				if tr.Name == "mtrt" {
					return true
				}
			}
			return false
		}},
	{kind: "exclusion constraint with its comment", needs: "btree_gist",
		setup: []string{"CREATE EXTENSION IF NOT EXISTS btree_gist"},
		object: []string{"CREATE TABLE mx (room int, during tsrange, CONSTRAINT mx1 EXCLUDE USING gist (room WITH =, during WITH &&) INCLUDE (room) WHERE (room > 0) DEFERRABLE)",
			"COMMENT ON CONSTRAINT mx1 ON mx IS 'x'"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mx")
			return t != nil && len(t.Exclusions) == 1 && t.Exclusions[0].Comment == "x" && t.Exclusions[0].Deferrable &&
				len(t.Exclusions[0].Parts) == 2 && t.Exclusions[0].Parts[1].Operator == "&&" && t.Exclusions[0].Where != ""
		}},
	{kind: "index INCLUDE, WITH, NULLS FIRST, NULLS NOT DISTINCT and comment", minVersion: 150000,
		object: []string{"CREATE TABLE mix (a int, b int, CONSTRAINT mix_b UNIQUE NULLS NOT DISTINCT (b))",
			"CREATE UNIQUE INDEX mix_a ON mix (a NULLS FIRST) INCLUDE (b) NULLS NOT DISTINCT WITH (fillfactor = 70)",
			"COMMENT ON INDEX mix_a IS 'i'", "COMMENT ON CONSTRAINT mix_b ON mix IS 'u'"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mix")
			if t == nil || t.Index("mix_a") == nil || len(t.Uniques) != 1 {
				return false
			}
			ix, u := t.Index("mix_a"), t.Uniques[0]
			return len(ix.Include) == 1 && ix.Params == "fillfactor=70" && ix.NullsNotDistinct && ix.Parts[0].Nulls == "FIRST" &&
				ix.Comment == "i" && u.NullsNotDistinct && u.Comment == "u"
		}},
	{kind: "check NO INHERIT and comments on checks, keys and views",
		object: []string{"CREATE TABLE mni (a int PRIMARY KEY, b int REFERENCES mni, CONSTRAINT mni_a CHECK (a > 0) NO INHERIT)",
			"COMMENT ON CONSTRAINT mni_a ON mni IS 'c'", "COMMENT ON CONSTRAINT mni_pkey ON mni IS 'p'",
			"COMMENT ON CONSTRAINT mni_b_fkey ON mni IS 'f'", "CREATE VIEW mnv AS SELECT 1 AS x", "COMMENT ON VIEW mnv IS 'v'"},
		modelled: func(s *schema.Schema) bool {
			t, v := s.Table("", "mni"), s.View("", "mnv")
			return t != nil && len(t.Checks) == 1 && t.Checks[0].NoInherit && t.Checks[0].Comment == "c" &&
				t.PrimaryKey.Comment == "p" && t.ForeignKeys[0].Comment == "f" && v != nil && v.Comment == "v"
		}},
	{kind: "identity options", object: []string{"CREATE TABLE mio (id int GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5 CACHE 3 CYCLE))"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mio")
			o := t.Column("id").IdentityOpts
			return o != nil && *o == schema.SeqOptions{Start: 100, Increment: 5, Min: 1, Max: 2147483647, Cache: 3, Cycle: true}
		}},
	{kind: "extension", needs: "pg_trgm", object: []string{"CREATE EXTENSION pg_trgm"}, modelled: invObject("extension", "", "pg_trgm", "VERSION")},
	{kind: "sequence and its comment", object: []string{"CREATE SEQUENCE sq", "COMMENT ON SEQUENCE sq IS 's'"},
		modelled: invObject("sequence", "", "sq", "COMMENT 's'")},
	{kind: "sequence owned by a column", setup: []string{"CREATE TABLE sob (a int, b int)"},
		object:   []string{"CREATE SEQUENCE sob_seq OWNED BY sob.a", "ALTER TABLE sob ALTER b SET DEFAULT nextval('sob_seq')"},
		modelled: invObject("sequence owner", "sob", "sob_seq", "OWNED BY public.sob.a")},
	{kind: "function and its comment", object: []string{"CREATE FUNCTION fn() RETURNS int LANGUAGE sql AS 'SELECT 1'", "COMMENT ON FUNCTION fn() IS 'f'"},
		modelled: invObject("function", "", "fn()", "COMMENT 'f'")},
	{kind: "procedure", object: []string{"CREATE PROCEDURE pr() LANGUAGE sql AS 'SELECT 1'"}, modelled: invObject("procedure", "", "pr()", "PROCEDURE")},
	{kind: "domain and its comment", object: []string{"CREATE DOMAIN dm AS int CHECK (VALUE > 0)", "COMMENT ON DOMAIN dm IS 'd'"},
		modelled: invObject("domain", "", "dm", "COMMENT 'd'")},
	{kind: "composite type and its comment", object: []string{"CREATE TYPE cp AS (a int)", "COMMENT ON TYPE cp IS 'c'"},
		modelled: invObject("composite type", "", "cp", "COMMENT 'c'")},
	{kind: "policy", setup: []string{"CREATE TABLE po (a int)"}, object: []string{"CREATE POLICY po_p ON po USING (a > 0)"},
		modelled: invObject("policy", "po", "po_p", "USING (a > 0)")},
	{kind: "row level security", setup: []string{"CREATE TABLE rl (a int)"}, object: []string{"ALTER TABLE rl ENABLE ROW LEVEL SECURITY"},
		modelled: invObject("row level security", "rl", "rl", "ENABLE")},
	{kind: "event trigger", setup: []string{"CREATE FUNCTION evf() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$"},
		object:   []string{"CREATE EVENT TRIGGER evt ON ddl_command_start EXECUTE FUNCTION evf()"},
		modelled: invObject("event trigger", "", "evt", "EXECUTE FUNCTION evf()")},
	{kind: "materialized view and its comment", object: []string{"CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x WITH NO DATA", "COMMENT ON MATERIALIZED VIEW mv IS 'm'"},
		modelled: func(s *schema.Schema) bool {
			v := s.View("", "mv")
			return v != nil && v.Materialized && v.NoData && v.Comment == "m"
		}},
	{kind: "index of a materialized view and its comment", setup: []string{"CREATE MATERIALIZED VIEW mi AS SELECT 1 AS x"},
		object:   []string{"CREATE UNIQUE INDEX mi_x ON mi (x) WITH (fillfactor = 70)", "COMMENT ON INDEX mi_x IS 'i'"},
		modelled: invObject("materialized view index", "mi", "mi_x", "(x) WITH (fillfactor='70') COMMENT 'i'")},
	{kind: "partition", setup: []string{"CREATE TABLE pt (a int) PARTITION BY RANGE (a)"},
		object:   []string{"CREATE TABLE pt_1 PARTITION OF pt FOR VALUES FROM (0) TO (10) PARTITION BY LIST (a)"},
		modelled: invObject("partition", "pt", "pt_1", "FOR VALUES FROM (0) TO (10) PARTITION BY LIST (a)")},
	{kind: "foreign key ON DELETE SET NULL (columns)", minVersion: 150000,
		setup:  []string{"CREATE TABLE fp (a int, b int, PRIMARY KEY (a, b))", "CREATE TABLE fc (a int, b int)"},
		object: []string{"ALTER TABLE fc ADD CONSTRAINT fc_fk FOREIGN KEY (a, b) REFERENCES fp ON DELETE SET NULL (b)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "fc")
			return t != nil && len(t.ForeignKeys) == 1 && schema.SameColumns(t.ForeignKeys[0].DeleteSetColumns, []string{"b"})
		}},
	{kind: "INCLUDE and WITH of keys", setup: []string{"CREATE TABLE pi (a int, b int, c int)"},
		object: []string{"ALTER TABLE pi ADD PRIMARY KEY (a) INCLUDE (b) WITH (fillfactor = 80)",
			"ALTER TABLE pi ADD CONSTRAINT pi_c UNIQUE (c) INCLUDE (a, b) WITH (fillfactor = 70)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "pi")
			return t != nil && t.PrimaryKey != nil && schema.SameColumns(t.PrimaryKey.Include, []string{"b"}) &&
				t.PrimaryKey.Params == "fillfactor=80" && len(t.Uniques) == 1 &&
				schema.SameColumns(t.Uniques[0].Include, []string{"a", "b"}) && t.Uniques[0].Params == "fillfactor=70"
		}},
	{kind: "unlogged table", object: []string{"CREATE UNLOGGED TABLE ul (a int)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "ul")
			return t != nil && t.Options["unlogged"] == "true"
		}},
	{kind: "view options", object: []string{"CREATE VIEW vo WITH (security_barrier, security_invoker) AS SELECT 1 AS x",
		"CREATE VIEW vc AS SELECT a FROM ul WITH LOCAL CHECK OPTION"},
		modelled: func(s *schema.Schema) bool {
			vo, vc := s.View("", "vo"), s.View("", "vc")
			return vo != nil && vo.Options == "security_barrier=true, security_invoker=true" && vc != nil && vc.Options == "check_option=local"
		}},
	{kind: "partitioned table", object: []string{"CREATE TABLE mp (a int) PARTITION BY LIST (a)"},
		modelled: func(s *schema.Schema) bool {
			t := s.Table("", "mp")
			return t != nil && t.Options["partition_by"] != ""
		}},
}

// Every kind of object is either modelled by reflection or reported by
// the inventory, with a definition that does not depend on the database
// it was created in.
func TestInventoryKnowsEveryKind(t *testing.T) {
	withObject, _ := reflFresh(t, "")
	without, _ := reflFresh(t, "")
	again, _ := reflFresh(t, "")
	var version int
	if err := withObject.QueryRow(`SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	var cases []invCase
	for _, c := range invCases {
		if c.minVersion > version {
			t.Logf("skipping %s: needs server_version_num %d", c.kind, c.minVersion)
			continue
		}
		if c.needs != "" && !invAvailable(t, withObject, c.needs) {
			t.Logf("skipping %s %s: extension %s is not available", c.kind, c.name, c.needs)
			continue
		}
		cases = append(cases, c)
		plain := c.plain
		schematest.Exec(t, withObject, append(c.setup, c.object...)...)
		schematest.Exec(t, again, append(c.setup, c.object...)...)
		schematest.Exec(t, without, append(c.setup, plain...)...)
	}
	a, b, c := schematest.Reflect(t, Dialect{}, withObject), schematest.Reflect(t, Dialect{}, without), schematest.Reflect(t, Dialect{}, again)

	want := map[string]bool{}
	for _, k := range cases {
		if k.modelled != nil {
			if !k.modelled(a) {
				t.Errorf("%s: not modelled by reflection:\n%s", k.kind, reflDump(a))
			}
			continue
		}
		o := schema.Object{Kind: k.kind, Table: k.table, Name: k.name}
		want[o.Key()] = true
		if !invHas(a.Unmanaged, o) {
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
	if d := diff.Unmanaged(a, c); len(d) > 0 {
		t.Errorf("the same DDL in two databases gives different inventories:\n%s", invLines(d))
	}
	reflNoDiff(t, a, c)
}

// invObject is modelled when the schema holds the SQL object whose
// definition contains def.
func invObject(kind, table, name, def string) func(*schema.Schema) bool {
	return func(s *schema.Schema) bool {
		o := s.Object(schema.ObjectKey(kind, "", table, name))
		return o != nil && strings.Contains(o.Definition, def)
	}
}

func invAvailable(t *testing.T, db *sql.DB, ext string) bool {
	var ok bool
	if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = $1)`, ext).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

func invHas(objs []schema.Object, o schema.Object) bool {
	for _, x := range objs {
		if x.Kind == o.Kind && x.Table == o.Table && x.Name == o.Name {
			return true
		}
	}
	return false
}

func invLines(ds []diff.UnmanagedDifference) string {
	var lines []string
	for _, d := range ds {
		lines = append(lines, "  "+d.String())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// invFold merges the rows of one object whatever order they come in.
func TestInventoryFold(t *testing.T) {
	ix := schema.Object{Kind: "index", Table: "mi", Name: "mi_x", Definition: "CREATE INDEX mi_x ON mi USING gist (x)"}
	tbs := schema.Object{Kind: "index options", Table: "mi", Name: "mi_x", Definition: "TABLESPACE ts"}
	opc := schema.Object{Kind: "index options", Table: "mi", Name: "mi_x", Definition: "x (siglen=32)"}
	inc := schema.Object{Kind: "index options", Table: "t", Name: "t_a", Definition: "INCLUDE (b)"}
	with := schema.Object{Kind: "index options", Table: "t", Name: "t_a", Definition: "WITH (fillfactor=70)"}
	want := []string{
		"index mi_x: CREATE INDEX mi_x ON mi USING gist (x) TABLESPACE ts x (siglen=32)",
		"index options t_a: INCLUDE (b) WITH (fillfactor=70)",
	}
	for _, order := range [][]schema.Object{{ix, tbs, opc, inc, with}, {opc, with, tbs, ix, inc}, {with, inc, opc, tbs, ix}} {
		got := invFold(append([]schema.Object(nil), order...))
		schema.SortObjects(got)
		var lines []string
		for _, o := range got {
			lines = append(lines, o.Kind+" "+o.Name+": "+o.Definition)
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("fold of %v:\n%s\nwant\n%s", order, strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	}
}
