package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

func reflOpenMemory(t testing.TB) *sql.DB {
	t.Helper()
	db, err := Dialect{}.Open(context.Background(), &url.URL{Scheme: "sqlite", Path: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func reflStr(s string) *string { return &s }

func reflJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// reflStrip drops the kept SQL text so cases compare the model only.
func reflStrip(t *schema.Table) *schema.Table {
	t.SQL = ""
	for _, ix := range t.Indexes {
		ix.SQL = ""
	}
	return t
}

func col(name, typ string, nullable bool) *schema.Column {
	return &schema.Column{Name: name, Type: typ, Nullable: nullable}
}

func TestReflectTables(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		table string
		want  *schema.Table
	}{
		{
			name:  "plain rowid table with defaults",
			setup: []string{`CREATE TABLE users (id integer PRIMARY KEY, email varchar(20) NOT NULL DEFAULT 'x', n real DEFAULT -1.5, at text DEFAULT (datetime('now')))`},
			table: "users",
			want: &schema.Table{Name: "users",
				Columns: []*schema.Column{
					col("id", "INTEGER", true),
					{Name: "email", Type: "VARCHAR(20)", Default: reflStr("'x'")},
					{Name: "n", Type: "REAL", Nullable: true, Default: reflStr("-1.5")},
					{Name: "at", Type: "TEXT", Nullable: true, Default: reflStr("datetime('now')")},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
			},
		},
		{
			// GORM writes string defaults in double quotes; a DEFAULT takes
			// them as string literals, which only single quotes stay in
			// the expression the table is rebuilt with.
			name:  "double-quoted string defaults",
			setup: []string{`CREATE TABLE g (name text DEFAULT "anonymous", q text DEFAULT "it's ""quoted""")`},
			table: "g",
			want: &schema.Table{Name: "g",
				Columns: []*schema.Column{
					{Name: "name", Type: "TEXT", Nullable: true, Default: reflStr("'anonymous'")},
					{Name: "q", Type: "TEXT", Nullable: true, Default: reflStr(`'it''s "quoted"'`)},
				},
			},
		},
		{
			name:  "autoincrement and named pk",
			setup: []string{`CREATE TABLE t (id INTEGER CONSTRAINT t_pk PRIMARY KEY AUTOINCREMENT, v)`},
			table: "t",
			want: &schema.Table{Name: "t",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER", Nullable: true, AutoIncrement: true},
					col("v", "", true),
				},
				PrimaryKey: &schema.PrimaryKey{Name: "t_pk", Columns: []string{"id"}},
			},
		},
		{
			name: "composite and self-referencing foreign keys with all options",
			setup: []string{
				`CREATE TABLE p (a INT, b INT, PRIMARY KEY (b, a))`,
				`CREATE TABLE c (
					id INTEGER PRIMARY KEY,
					parent_id INT REFERENCES c ON DELETE SET NULL,
					x INT, y INT,
					CONSTRAINT c_p_fk FOREIGN KEY (x, y) REFERENCES p (a, b) ON UPDATE CASCADE ON DELETE RESTRICT MATCH FULL DEFERRABLE INITIALLY DEFERRED,
					FOREIGN KEY (y) REFERENCES "p"(b) ON DELETE SET DEFAULT NOT DEFERRABLE INITIALLY DEFERRED,
					FOREIGN KEY (x) REFERENCES p(a) DEFERRABLE INITIALLY IMMEDIATE
				)`},
			table: "c",
			want: &schema.Table{Name: "c",
				Columns: []*schema.Column{
					col("id", "INTEGER", true), col("parent_id", "INT", true), col("x", "INT", true), col("y", "INT", true),
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []*schema.ForeignKey{
					{Columns: []string{"parent_id"}, RefTable: "c", RefColumns: []string{"id"}, OnUpdate: "NO ACTION", OnDelete: "SET NULL"},
					{Name: "c_p_fk", Columns: []string{"x", "y"}, RefTable: "p", RefColumns: []string{"a", "b"}, OnUpdate: "CASCADE", OnDelete: "RESTRICT", Match: "FULL", Deferrable: true, InitiallyDeferred: true},
					{Columns: []string{"y"}, RefTable: "p", RefColumns: []string{"b"}, OnUpdate: "NO ACTION", OnDelete: "SET DEFAULT"},
					{Columns: []string{"x"}, RefTable: "p", RefColumns: []string{"a"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION", Deferrable: true},
				},
			},
		},
		{
			name: "two unnamed keys to the same target keep declaration order",
			setup: []string{
				`CREATE TABLE p (id INTEGER PRIMARY KEY)`,
				`CREATE TABLE c (a INT, b INT, FOREIGN KEY (a) REFERENCES p ON DELETE CASCADE, CONSTRAINT second FOREIGN KEY (b) REFERENCES p(id), CONSTRAINT third FOREIGN KEY (a) REFERENCES p(id) ON UPDATE CASCADE)`},
			table: "c",
			want: &schema.Table{Name: "c",
				Columns: []*schema.Column{col("a", "INT", true), col("b", "INT", true)},
				ForeignKeys: []*schema.ForeignKey{
					{Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}, OnUpdate: "NO ACTION", OnDelete: "CASCADE"},
					{Name: "second", Columns: []string{"b"}, RefTable: "p", RefColumns: []string{"id"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION"},
					{Name: "third", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}, OnUpdate: "CASCADE", OnDelete: "NO ACTION"},
				},
			},
		},
		{
			name: "inline and table uniques, named and not",
			setup: []string{`CREATE TABLE u (
				a TEXT UNIQUE,
				b TEXT CONSTRAINT u_b_key UNIQUE ON CONFLICT REPLACE,
				c TEXT, d TEXT,
				UNIQUE (c, d),
				CONSTRAINT u_dc UNIQUE (d COLLATE NOCASE, c))`},
			table: "u",
			want: &schema.Table{Name: "u",
				Columns: []*schema.Column{col("a", "TEXT", true), col("b", "TEXT", true), col("c", "TEXT", true), col("d", "TEXT", true)},
				Uniques: []*schema.Unique{
					{Columns: []string{"a"}},
					{Name: "u_b_key", Columns: []string{"b"}, OnConflict: "REPLACE"},
					{Columns: []string{"c", "d"}},
					{Name: "u_dc", Columns: []string{"d", "c"}},
				},
			},
		},
		{
			name: "partial, expression, desc and collated indexes",
			setup: []string{
				`CREATE TABLE i (a TEXT COLLATE NOCASE, b INT, c TEXT)`,
				`CREATE UNIQUE INDEX i_a ON i (a) WHERE b > 0 AND c <> 'x, y'`,
				`CREATE INDEX i_expr ON i (lower(c) COLLATE RTRIM DESC, b DESC, (b + 1))`,
				`CREATE INDEX i_coll ON i (a COLLATE BINARY, c COLLATE nocase, a)`,
			},
			table: "i",
			want: &schema.Table{Name: "i",
				Columns: []*schema.Column{{Name: "a", Type: "TEXT", Nullable: true, Collation: "NOCASE"}, col("b", "INT", true), col("c", "TEXT", true)},
				Indexes: []*schema.Index{
					{Name: "i_a", Unique: true, Parts: []schema.IndexPart{{Column: "a"}}, Where: "b > 0 AND c <> 'x, y'"},
					{Name: "i_coll", Parts: []schema.IndexPart{{Column: "a", Collation: "BINARY"}, {Column: "c", Collation: "NOCASE"}, {Column: "a"}}},
					{Name: "i_expr", Parts: []schema.IndexPart{{Expr: "lower(c)", Collation: "RTRIM", Desc: true}, {Column: "b", Desc: true}, {Expr: "(b + 1)"}}},
				},
			},
		},
		{
			name: "checks with nested parentheses, strings and names",
			setup: []string{`CREATE TABLE k (
				a INT CHECK (a > (1 + (2 * 3))) NOT NULL,
				b TEXT CONSTRAINT b_ok CHECK (b IN ('(', ')', 'it''s')),
				CONSTRAINT ab CHECK ( a < length(b) /* no ) here */ ),
				CHECK (b <> "a")
			)`},
			table: "k",
			want: &schema.Table{Name: "k",
				Columns: []*schema.Column{col("a", "INT", false), col("b", "TEXT", true)},
				Checks: []*schema.Check{
					{Expr: "a > (1 + (2 * 3))"},
					{Name: "b_ok", Expr: "b IN ('(', ')', 'it''s')"},
					{Name: "ab", Expr: "a < length(b)"},
					{Expr: `b <> "a"`},
				},
			},
		},
		{
			name:  "generated columns",
			setup: []string{`CREATE TABLE g (a INT, b INT GENERATED ALWAYS AS (a * (a + 1)) STORED, c TEXT AS (upper('x') || a), d INT GENERATED ALWAYS AS (a) VIRTUAL NOT NULL)`},
			table: "g",
			want: &schema.Table{Name: "g",
				Columns: []*schema.Column{
					col("a", "INT", true),
					{Name: "b", Type: "INT", Nullable: true, Generated: &schema.Generated{Expr: "a * (a + 1)", Stored: true}},
					{Name: "c", Type: "TEXT", Nullable: true, Generated: &schema.Generated{Expr: "upper('x') || a"}},
					{Name: "d", Type: "INT", Generated: &schema.Generated{Expr: "a"}},
				},
			},
		},
		{
			name: "quoted, unicode and reserved-word identifiers",
			setup: []string{
				`CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, [group] TEXT UNIQUE, ` + "`weird \"\" name`" + ` INT, ünïcode TEXT COLLATE "NOCASE")`,
				`CREATE TABLE "line ""item""" (id INT, "order" INT CONSTRAINT "fk to order" REFERENCES "order" ("select"), CONSTRAINT [chk] CHECK ("order" > 0))`,
			},
			table: `line "item"`,
			want: &schema.Table{Name: `line "item"`,
				Columns:     []*schema.Column{col("id", "INT", true), col("order", "INT", true)},
				ForeignKeys: []*schema.ForeignKey{{Name: "fk to order", Columns: []string{"order"}, RefTable: "order", RefColumns: []string{"select"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION"}},
				Checks:      []*schema.Check{{Name: "chk", Expr: `"order" > 0`}},
			},
		},
		{
			name: "quoted identifiers on the referenced side",
			setup: []string{
				`CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, [group] TEXT UNIQUE, ` + "`weird \"\" name`" + ` INT, ünïcode TEXT COLLATE "NOCASE")`,
			},
			table: "order",
			want: &schema.Table{Name: "order",
				Columns: []*schema.Column{col("select", "INTEGER", true), col("group", "TEXT", true), col(`weird "" name`, "INT", true),
					{Name: "ünïcode", Type: "TEXT", Nullable: true, Collation: "NOCASE"}},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"select"}},
				Uniques:    []*schema.Unique{{Columns: []string{"group"}}},
			},
		},
		{
			name: "referenced names reported as the parent spells them",
			setup: []string{
				`CREATE TABLE Parent (ID INTEGER PRIMARY KEY, Code TEXT UNIQUE)`,
				`CREATE TABLE kid (p INT REFERENCES parent(id), c TEXT REFERENCES PARENT (code), q INT REFERENCES pArEnT)`,
			},
			table: "kid",
			want: &schema.Table{Name: "kid",
				Columns: []*schema.Column{col("p", "INT", true), col("c", "TEXT", true), col("q", "INT", true)},
				ForeignKeys: []*schema.ForeignKey{
					{Columns: []string{"p"}, RefTable: "Parent", RefColumns: []string{"ID"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION"},
					{Columns: []string{"c"}, RefTable: "Parent", RefColumns: []string{"Code"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION"},
					{Columns: []string{"q"}, RefTable: "Parent", RefColumns: []string{"ID"}, OnUpdate: "NO ACTION", OnDelete: "NO ACTION"},
				},
			},
		},
		{
			name: "after ALTER TABLE add, rename column and rename table",
			setup: []string{
				`CREATE TABLE p (id INTEGER PRIMARY KEY)`,
				`CREATE TABLE old_t (a INT CONSTRAINT a_pos CHECK (a > 0), "b c" TEXT)`,
				`ALTER TABLE old_t ADD COLUMN d INT CONSTRAINT d_fk REFERENCES p ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`,
				`ALTER TABLE old_t RENAME COLUMN a TO aa`,
				`ALTER TABLE old_t RENAME TO t2`,
				`ALTER TABLE p RENAME TO parent`,
			},
			table: "t2",
			want: &schema.Table{Name: "t2",
				Columns:     []*schema.Column{col("aa", "INT", true), col("b c", "TEXT", true), col("d", "INT", true)},
				ForeignKeys: []*schema.ForeignKey{{Name: "d_fk", Columns: []string{"d"}, RefTable: "parent", RefColumns: []string{"id"}, OnUpdate: "NO ACTION", OnDelete: "CASCADE", Deferrable: true, InitiallyDeferred: true}},
				Checks:      []*schema.Check{{Name: "a_pos", Expr: "aa > 0"}},
			},
		},
		{
			name:  "without rowid and strict",
			setup: []string{`CREATE TABLE w (k TEXT NOT NULL, v INT, n ANY, CONSTRAINT w_pk PRIMARY KEY (v, k)) WITHOUT ROWID, STRICT`},
			table: "w",
			want: &schema.Table{Name: "w",
				Columns:    []*schema.Column{col("k", "TEXT", false), col("v", "INT", false), col("n", "ANY", true)},
				PrimaryKey: &schema.PrimaryKey{Name: "w_pk", Columns: []string{"v", "k"}},
				Options:    map[string]string{"WITHOUT ROWID": "true", "STRICT": "true"},
			},
		},
		{
			name:  "comments and odd spacing",
			setup: []string{"CREATE TABLE -- c ( x\n\"sp\" /* ( */ ( a int -- , b int\n, \"b\" int check(b>0)--x\n)"},
			table: "sp",
			want: &schema.Table{Name: "sp",
				Columns: []*schema.Column{col("a", "INT", true), col("b", "INT", true)},
				Checks:  []*schema.Check{{Expr: "b>0"}},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := reflOpenMemory(t)
			schematest.Exec(t, db, tc.setup...)
			s, err := Dialect{}.Reflect(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Table("", tc.table)
			if got == nil {
				t.Fatalf("table %q not reflected; have %s", tc.table, reflJSON(s))
			}
			if got.SQL == "" {
				t.Errorf("Table.SQL is empty")
			}
			for _, ix := range got.Indexes {
				if !strings.HasPrefix(ix.SQL, "CREATE") {
					t.Errorf("index %s SQL = %q", ix.Name, ix.SQL)
				}
			}
			if got := reflStrip(got); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %s\nwant %s", reflJSON(got), reflJSON(tc.want))
			}
		})
	}
}
