package sqlite

import (
	"reflect"
	"testing"
)

func TestTokenizeIdentifiers(t *testing.T) {
	cases := []struct {
		src  string
		want []string // ident() of each token
	}{
		{`"a ""b"""`, []string{`a "b"`}},
		{"`x``y`", []string{"x`y"}},
		{`[a b]`, []string{"a b"}},
		{`'it''s'`, []string{"it's"}},
		{"a -- (\nb /* ) */ c", []string{"a", "b", "c"}},
		{`ünï$1 (x)`, []string{"ünï$1", "(", "x", ")"}},
		{`"unterminated`, []string{"unterminated"}},
		{`/* open`, nil},
		{`[open`, []string{"open"}},
	}
	for _, tc := range cases {
		var got []string
		for _, tok := range reflTokenize(tc.src) {
			got = append(got, tok.ident())
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("reflTokenize(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestScanCreateTable(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want *reflTableDDL
	}{
		{
			name: "column constraints",
			src: `CREATE TABLE IF NOT EXISTS main.t (
				id INTEGER CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ABORT AUTOINCREMENT,
				n DECIMAL(10, 2) CONSTRAINT nn NOT NULL CHECK (n >= 0) DEFAULT -1.5e3 COLLATE nocase,
				r INT CONSTRAINT r_fk REFERENCES p (id) ON DELETE NO ACTION ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED NOT NULL,
				g AS (n * 2) STORED,
				h TEXT GENERATED ALWAYS AS ('(' || n) UNIQUE
			)`,
			want: &reflTableDDL{
				Columns: []reflColumnDDL{
					{Name: "id", AutoIncrement: true},
					{Name: "n", Collation: "NOCASE"},
					{Name: "r"},
					{Name: "g", Generated: true, GenExpr: "n * 2", GenStored: true},
					{Name: "h", Generated: true, GenExpr: "'(' || n"},
				},
				PKName:      "pk",
				PKDesc:      []string{"id"},
				Uniques:     []reflKeyDDL{{Columns: []string{"h"}}},
				Checks:      []reflCheckDDL{{Expr: "n >= 0"}},
				ForeignKeys: []reflFKDDL{{Name: "r_fk", Columns: []string{"r"}, RefTable: "p", RefColumns: []string{"id"}, Deferrable: true, InitiallyDeferred: true}},
			},
		},
		{
			name: "table constraints and options",
			src: `CREATE TABLE [t] (a, b,
				CONSTRAINT "p k" PRIMARY KEY (a, [b] COLLATE nocase DESC),
				UNIQUE (b COLLATE NOCASE DESC, a) ON CONFLICT IGNORE,
				CONSTRAINT c1 CHECK (a IN (1, (2), 3)),
				FOREIGN KEY (a, b) REFERENCES "q" MATCH SIMPLE NOT DEFERRABLE,
				CONSTRAINT f2 FOREIGN KEY (b) REFERENCES q (x) DEFERRABLE
			) STRICT, WITHOUT ROWID`,
			want: &reflTableDDL{
				Columns:      []reflColumnDDL{{Name: "a"}, {Name: "b"}},
				PKName:       "p k",
				PKDesc:       []string{"b"},
				Uniques:      []reflKeyDDL{{Columns: []string{"b", "a"}, Conflict: "IGNORE"}},
				Checks:       []reflCheckDDL{{Name: "c1", Expr: "a IN (1, (2), 3)"}},
				ForeignKeys:  []reflFKDDL{{Columns: []string{"a", "b"}, RefTable: "q", Match: "SIMPLE"}, {Name: "f2", Columns: []string{"b"}, RefTable: "q", RefColumns: []string{"x"}, Deferrable: true}},
				WithoutRowid: true, Strict: true,
			},
		},
		{
			name: "a constraint name applies only to the next constraint",
			src:  `CREATE TABLE t (a INT CONSTRAINT nn NOT NULL CHECK (a > 0) UNIQUE)`,
			want: &reflTableDDL{
				Columns: []reflColumnDDL{{Name: "a"}},
				Uniques: []reflKeyDDL{{Columns: []string{"a"}}},
				Checks:  []reflCheckDDL{{Expr: "a > 0"}},
			},
		},
		{
			name: "create table as select has no definitions",
			src:  `CREATE TABLE t AS SELECT (1) AS a`,
			want: &reflTableDDL{},
		},
		{
			name: "truncated statement",
			src:  `CREATE TABLE t (a INT CHECK (a > (1`,
			want: &reflTableDDL{Columns: []reflColumnDDL{{Name: "a"}}, Checks: []reflCheckDDL{{Expr: "a > (1"}}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := reflScanCreateTable(tc.src); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %s\nwant %s", reflJSON(got), reflJSON(tc.want))
			}
		})
	}
}

// ON CONFLICT clauses, one form each: where SQLite honours them (NOT
// NULL, PRIMARY KEY, UNIQUE) they are read, ABORT (the default) as none;
// on NULL and CHECK, where SQLite ignores them, they are skipped.
func TestScanConflictClauses(t *testing.T) {
	type got struct {
		NotNull  map[string]string // column -> clause, only set ones
		PK       string
		Uniques  []string // clause per unique, in order
		Columns  []string
		Checks   int
		AutoIncr bool
	}
	cases := []struct {
		name, src string
		want      got
	}{
		{"not null", `CREATE TABLE t (a TEXT NOT NULL ON CONFLICT IGNORE)`,
			got{NotNull: map[string]string{"a": "IGNORE"}, Columns: []string{"a"}}},
		{"not null named, lower case, then default", `CREATE TABLE t (a TEXT CONSTRAINT nn not null on conflict replace DEFAULT 'x')`,
			got{NotNull: map[string]string{"a": "REPLACE"}, Columns: []string{"a"}}},
		{"explicit abort is none", `CREATE TABLE t (a TEXT NOT NULL ON CONFLICT ABORT UNIQUE ON CONFLICT Abort)`,
			got{Uniques: []string{""}, Columns: []string{"a"}}},
		{"column primary key before autoincrement", `CREATE TABLE t (id INTEGER PRIMARY KEY ASC ON CONFLICT ROLLBACK AUTOINCREMENT, b INT)`,
			got{PK: "ROLLBACK", Columns: []string{"id", "b"}, AutoIncr: true}},
		{"column primary key then not null", `CREATE TABLE t (id TEXT PRIMARY KEY ON CONFLICT REPLACE NOT NULL ON CONFLICT FAIL)`,
			got{PK: "REPLACE", NotNull: map[string]string{"id": "FAIL"}, Columns: []string{"id"}}},
		{"table primary key", `CREATE TABLE t (a, b, CONSTRAINT pk PRIMARY KEY (a, b DESC) ON CONFLICT REPLACE)`,
			got{PK: "REPLACE", Columns: []string{"a", "b"}}},
		{"column unique", `CREATE TABLE t (a TEXT UNIQUE ON CONFLICT REPLACE, b TEXT UNIQUE)`,
			got{Uniques: []string{"REPLACE", ""}, Columns: []string{"a", "b"}}},
		{"table unique", `CREATE TABLE t (a, b, UNIQUE (a, b) ON CONFLICT FAIL, UNIQUE (b))`,
			got{Uniques: []string{"FAIL", ""}, Columns: []string{"a", "b"}}},
		{"quoted clause word", `CREATE TABLE t (a NOT NULL ON CONFLICT "IGNORE")`,
			got{NotNull: map[string]string{"a": "IGNORE"}, Columns: []string{"a"}}},
		{"null and check clauses are ignored", `CREATE TABLE t (a INT NULL ON CONFLICT REPLACE CHECK (a > 0), CHECK (a < 9) ON CONFLICT FAIL)`,
			got{Columns: []string{"a"}, Checks: 2}},
		{"truncated clause", `CREATE TABLE t (a NOT NULL ON CONFLICT`, got{Columns: []string{"a"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := reflScanCreateTable(tc.src)
			g := got{PK: d.PKConflict, Checks: len(d.Checks)}
			for _, c := range d.Columns {
				g.Columns = append(g.Columns, c.Name)
				g.AutoIncr = g.AutoIncr || c.AutoIncrement
				if c.NotNullConflict != "" {
					if g.NotNull == nil {
						g.NotNull = map[string]string{}
					}
					g.NotNull[c.Name] = c.NotNullConflict
				}
			}
			for _, u := range d.Uniques {
				g.Uniques = append(g.Uniques, u.Conflict)
			}
			if !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got  %+v\nwant %+v", g, tc.want)
			}
		})
	}
}

func TestScanCreateIndex(t *testing.T) {
	cases := []struct {
		src  string
		want *reflIndexDDL
	}{
		{`CREATE INDEX i ON t (a)`, &reflIndexDDL{Parts: []reflIndexPartDDL{{Expr: "a"}}}},
		{`CREATE UNIQUE INDEX IF NOT EXISTS "i" ON "t" (lower( a ) COLLATE "nocase" DESC, b ASC, (a || ','))  WHERE a IS NOT NULL AND b > (1)`,
			&reflIndexDDL{Parts: []reflIndexPartDDL{{Expr: "lower( a )", Collation: "NOCASE"}, {Expr: "b"}, {Expr: "(a || ',')"}}, Where: "a IS NOT NULL AND b > (1)"}},
		{`CREATE INDEX i ON t (json_extract(doc, '$.where'))`, &reflIndexDDL{Parts: []reflIndexPartDDL{{Expr: "json_extract(doc, '$.where')"}}}},
		{`CREATE INDEX`, &reflIndexDDL{}},
	}
	for _, tc := range cases {
		if got := reflScanCreateIndex(tc.src); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("reflScanCreateIndex(%q)\n got  %s\n want %s", tc.src, reflJSON(got), reflJSON(tc.want))
		}
	}
}

func TestViewDef(t *testing.T) {
	cases := map[string]string{
		"CREATE VIEW v AS SELECT 1": "SELECT 1",
		"CREATE VIEW IF NOT EXISTS v(a, b) AS\n  SELECT  x ,y\tFROM t -- c\n": "SELECT x ,y FROM t",
		`CREATE TEMP VIEW "as" AS SELECT 'a   b' AS "x  y"`:                   `SELECT 'a   b' AS "x  y"`,
		"CREATE VIEW v": "",
	}
	for src, want := range cases {
		if got := reflViewDef(src); got != want {
			t.Errorf("reflViewDef(%q) = %q, want %q", src, got, want)
		}
	}
}

// Comments leave expressions: a "--" comment kept in a CHECK would comment
// out the ')' a renderer writes after it.
func TestScanDropsCommentsFromExpressions(t *testing.T) {
	d := reflScanCreateTable("CREATE TABLE t (a INT CHECK (a > 0 -- positive\n), b AS (a /* twice */ *  2) STORED)")
	if len(d.Checks) != 1 || d.Checks[0].Expr != "a > 0" {
		t.Errorf("checks = %s", reflJSON(d.Checks))
	}
	if d.Columns[1].GenExpr != "a *  2" {
		t.Errorf("generated = %q", d.Columns[1].GenExpr)
	}
	ix := reflScanCreateIndex("CREATE INDEX i ON t (lower(a) -- c\n, b) WHERE a > 0 -- why\n")
	if ix.Parts[0].Expr != "lower(a)" || ix.Where != "a > 0" {
		t.Errorf("index = %s", reflJSON(ix))
	}
}
