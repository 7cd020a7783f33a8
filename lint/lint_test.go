package lint

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/schema"
)

func stmts(sqls ...string) []revision.Statement {
	out := make([]revision.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = revision.Statement{SQL: s, Line: 10 + i}
	}
	return out
}

// live: users <- notes (ON DELETE CASCADE), notes indexed on author_id;
// tags -> users without an index.
func live() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{
		{Name: "users", PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}},
		{Name: "notes", PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
			Columns:     []*schema.Column{{Name: "id"}, {Name: "author_id"}, {Name: "Body"}, {Name: "words", Generated: &schema.Generated{Expr: "length(Body)"}}},
			ForeignKeys: []*schema.ForeignKey{{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
			Indexes:     []*schema.Index{{Name: "notes_author_id_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}}},
		{Name: "tags",
			ForeignKeys: []*schema.ForeignKey{{Name: "tags_user_id_fkey", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}}},
			Indexes:     []*schema.Index{{Name: "tags_partial", Parts: []schema.IndexPart{{Column: "user_id"}}, Where: "user_id > 0"}}},
		{Name: "pairs", PrimaryKey: &schema.PrimaryKey{Columns: []string{"b", "a"}},
			ForeignKeys: []*schema.ForeignKey{{Name: "pairs_fkey", Columns: []string{"a", "b"}, RefTable: "users", RefColumns: []string{"x", "y"}}}},
	}}
}

var (
	sqliteTraits   = dialect.Capabilities{DropTableCascades: true, RebuildPrefix: "_retort_new_"}
	postgresTraits = dialect.Capabilities{LockHazards: true}
	mysqlTraits    = dialect.Capabilities{ImplicitFKIndex: true}
)

func TestRules(t *testing.T) {
	type ruleCase struct {
		name   string
		traits dialect.Capabilities
		rev    Revision
		rows   int64
		want   []string // "rule severity line" of each finding, fk-unindexed has line 0
	}
	tests := []ruleCase{
		{
			name: "unindexed fk found once, composite covered by PK in any order", traits: sqliteTraits,
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "mysql indexes FKs itself", traits: mysqlTraits,
		},
		{
			name: "drop table and column need an allow", traits: mysqlTraits,
			rev: Revision{File: "a.sql", Upgrade: stmts(
				`DROP TABLE "tags"`,
				"ALTER TABLE `notes` DROP COLUMN body",
				"ALTER TABLE notes DROP FOREIGN KEY notes_author_id_fkey",
				"alter table notes drop constraint x",
				"TRUNCATE notes")},
			want: []string{"destructive error 10", "destructive error 11", "destructive error 14"},
		},
		{
			name: "allowed destructive", traits: mysqlTraits,
			rev: Revision{File: "a.sql", Allow: []string{"destructive"}, Upgrade: stmts(`DROP TABLE tags`)},
		},
		{
			name: "retort's own rebuild is not destructive and has FKs off", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_users" (id INTEGER PRIMARY KEY)`,
				`INSERT INTO "_retort_new_users" (id) SELECT id FROM "users"`,
				`DROP TABLE "users"`,
				`ALTER TABLE "_retort_new_users" RENAME TO "users"`,
				"PRAGMA foreign_key_check")},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "a rebuild copying OR ABORT (a table with ON CONFLICT clauses) is not destructive", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_users" (id INTEGER PRIMARY KEY ON CONFLICT REPLACE)`,
				`INSERT OR ABORT INTO "_retort_new_users" (id) SELECT id FROM "users"`,
				`DROP TABLE "users"`,
				`ALTER TABLE "_retort_new_users" RENAME TO "users"`,
				"PRAGMA foreign_key_check")},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "a copy OR REPLACE may drop rows: not a rebuild", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_users" (id INTEGER PRIMARY KEY)`,
				`INSERT OR REPLACE INTO "_retort_new_users" (id) SELECT id FROM "users"`,
				`DROP TABLE "users"`,
				`ALTER TABLE "_retort_new_users" RENAME TO "users"`,
				"PRAGMA foreign_key_check")},
			want: []string{"fk-unindexed warning 0", "destructive error 13"},
		},
		{
			name: "a rebuild of a big table is a warning with its rows", traits: sqliteTraits, rows: 250_000,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_users" (id INTEGER PRIMARY KEY)`,
				`INSERT INTO "_retort_new_users" (id) SELECT id FROM "users"`,
				`DROP TABLE "users"`,
				`ALTER TABLE "_retort_new_users" RENAME TO "users"`,
				"PRAGMA foreign_key_check")},
			want: []string{"fk-unindexed warning 0", "big-rebuild warning 12"},
		},
		{
			name: "a dialect that never rebuilds has no rebuild copies", traits: mysqlTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				`INSERT INTO _retort_new_users (id) SELECT id FROM users`,
				`DROP TABLE users`)},
			want: []string{"destructive error 11"},
		},
		{
			name: "hand-written rebuild of a cascade parent with FKs on", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				`CREATE TABLE users_new (id INTEGER PRIMARY KEY)`,
				`INSERT INTO users_new SELECT * FROM users`,
				`DROP TABLE users`,
				`ALTER TABLE users_new RENAME TO users`)},
			want: []string{"fk-unindexed warning 0", "cascade-on-rebuild error 12", "destructive error 12"},
		},
		{
			name: "a rebuild that does not copy a column loses it", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_notes" (id INTEGER PRIMARY KEY, author_id INTEGER)`,
				`INSERT INTO "_retort_new_notes" ("id", "author_id")
  SELECT "id", "author_id" FROM "notes"`,
				`DROP TABLE "notes"`,
				`ALTER TABLE "_retort_new_notes" RENAME TO "notes"`)},
			want: []string{"fk-unindexed warning 0", "destructive error 12"},
		},
		{
			name: "dropping a generated column loses nothing", traits: postgresTraits,
			rev:  Revision{File: "g.sql", Upgrade: stmts(`ALTER TABLE notes DROP COLUMN words`)},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "dropping it again once re-added as a plain column loses data", traits: postgresTraits,
			rev: Revision{File: "g.sql", Upgrade: stmts(`ALTER TABLE notes DROP COLUMN words`,
				`ALTER TABLE notes ADD COLUMN words integer`, `ALTER TABLE notes DROP COLUMN words`)},
			want: []string{"fk-unindexed warning 0", "destructive error 12"},
		},
		{
			name: "a rebuild need not copy a generated column", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				`INSERT INTO "_retort_new_notes" ("id", "author_id", "Body") SELECT "id", "author_id", "Body" FROM "notes"`)},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "a rebuild copying a renamed column, in an expression, keeps it", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				"PRAGMA foreign_keys = OFF",
				`CREATE TABLE "_retort_new_notes" (id INTEGER PRIMARY KEY, author_id INTEGER, text TEXT NOT NULL)`,
				`INSERT INTO "_retort_new_notes" ("id", "author_id", "text") SELECT id, "author_id", COALESCE("body", '') FROM "notes"`,
				`DROP TABLE "notes"`,
				`ALTER TABLE "_retort_new_notes" RENAME TO "notes"`)},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "columns are followed through renames, adds, drops and earlier rebuilds", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Upgrade: stmts(
				`ALTER TABLE notes RENAME COLUMN body TO text`,
				`ALTER TABLE notes ADD COLUMN extra TEXT`,
				`ALTER TABLE notes DROP COLUMN author_id`,
				`INSERT INTO "_retort_new_notes" ("id", "text", "extra") SELECT "id", "text", "extra" FROM "notes"`,
				`DROP TABLE "notes"`,
				`ALTER TABLE "_retort_new_notes" RENAME TO "notes"`,
				`INSERT INTO "_retort_new_notes" ("id", "text") SELECT "id", "text" FROM "notes"`,
				`DROP TABLE "notes"`,
				`ALTER TABLE "_retort_new_notes" RENAME TO "notes"`)},
			want: []string{"fk-unindexed warning 0", "destructive error 12", "destructive error 16"},
		},
		{
			name: "an allowed rebuild loss", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Allow: []string{"destructive"}, Upgrade: stmts(
				`INSERT INTO "_retort_new_notes" ("id") SELECT "id" FROM "notes"`)},
			want: []string{"fk-unindexed warning 0"},
		},
		{
			name: "postgres lock hazards on a big table", traits: postgresTraits, rows: 2_000_000,
			rev: Revision{File: "p.sql", Upgrade: stmts(
				`ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (author_id) REFERENCES users (id)`,
				`ALTER TABLE notes ADD CONSTRAINT g FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID`,
				`CREATE INDEX notes_body_idx ON notes (body)`,
				`CREATE INDEX CONCURRENTLY notes_b2 ON notes (body)`,
				`ALTER TABLE notes ALTER COLUMN body TYPE varchar(10)`,
				`ALTER TABLE notes ALTER COLUMN body SET NOT NULL`,
				`CREATE TABLE fresh (id int)`,
				`CREATE INDEX fresh_idx ON fresh (id)`)},
			want: []string{"fk-unindexed warning 0", "pg-lock error 10", "pg-lock error 12", "pg-lock error 14", "pg-lock error 15"},
		},
		{
			name: "a generated column dropped and added again around its function loses nothing but rewrites the table", traits: postgresTraits, rows: 2_000_000,
			rev: Revision{File: "g.sql", Upgrade: stmts(`ALTER TABLE notes DROP COLUMN words`, `DROP FUNCTION f(x integer)`,
				`CREATE FUNCTION f(x integer) RETURNS bigint LANGUAGE sql AS 'SELECT x'`,
				`ALTER TABLE notes ADD COLUMN words bigint GENERATED ALWAYS AS (f(id)) STORED NOT NULL`)},
			want: []string{"fk-unindexed warning 0", "pg-lock error 13"},
		},
		{
			name: "postgres lock hazards on a small table are warnings", traits: postgresTraits, rows: 10,
			rev:  Revision{File: "p.sql", Upgrade: stmts(`CREATE UNIQUE INDEX i ON public.notes (body)`)},
			want: []string{"fk-unindexed warning 0", "pg-lock warning 10"},
		},
	}
	var many []string
	for i := 0; i < 260; i++ {
		many = append(many, fmt.Sprintf("CREATE TABLE t%d (id int PRIMARY KEY)", i), fmt.Sprintf("CREATE INDEX i%d ON t%d (id)", i, i))
	}
	tests = append(tests,
		ruleCase{name: "postgres revision creating 520 relations", traits: postgresTraits,
			rev: Revision{File: "big.sql", Upgrade: stmts(many...)}, want: []string{"fk-unindexed warning 0", "pg-lock-table warning 0"}},
		ruleCase{name: "500 relations are fine", traits: postgresTraits,
			rev: Revision{File: "big.sql", Upgrade: stmts(many[:500]...)}, want: []string{"fk-unindexed warning 0"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Capabilities: tt.traits, Live: live(), After: live(),
				RowEstimate: func(string) int64 { return tt.rows }}
			if tt.rev.File != "" {
				in.Pending = []Revision{tt.rev}
			}
			var got []string
			for _, f := range Run(in) {
				got = append(got, strings.Join([]string{f.Rule, string(f.Severity), strconv.Itoa(f.Line)}, " "))
				if f.Message == "" {
					t.Errorf("finding without a message: %+v", f)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findings\n  %v\nwant\n  %v", got, tt.want)
			}
		})
	}
}

func TestFindingString(t *testing.T) {
	f := Finding{Rule: "destructive", Severity: Error, File: "m/a.sql", Line: 7, Message: "drop table t loses data"}
	if got, want := f.String(), "m/a.sql:7: error [destructive] drop table t loses data"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if HasErrors([]Finding{{Severity: Warning}}) || !HasErrors([]Finding{{Severity: Warning}, f}) {
		t.Error("HasErrors wrong")
	}
}

// A revision accepts findings by rule name; messages name the table and
// the column.
func TestAllowAndMessages(t *testing.T) {
	tests := []struct {
		name   string
		traits dialect.Capabilities
		rev    Revision
		want   []string // "rule file:line table.column: message fragment"
	}{
		{
			name: "drops name table and column", traits: mysqlTraits,
			rev: Revision{File: "a.sql", Upgrade: stmts(`DROP TABLE "tags"`, "ALTER TABLE `notes` DROP COLUMN body")},
			want: []string{
				`destructive a.sql:10 tags.: DROP TABLE tags loses the table and its rows; add the header line "-- retort:allow destructive"`,
				`destructive a.sql:11 notes.body: DROP COLUMN notes.body loses the column's values`,
			},
		},
		{
			name: "dropped sequences lose their value", traits: mysqlTraits,
			rev: Revision{File: "s.sql", Upgrade: stmts(`DROP SEQUENCE "s"`, "DROP SEQUENCE IF EXISTS `a`, public.b CASCADE;",
				"DROP TEMPORARY SEQUENCE t", "ALTER SEQUENCE s OWNED BY NONE")},
			want: []string{
				`destructive s.sql:10 .: DROP SEQUENCE s loses the sequence's current value; add the header line "-- retort:allow destructive"`,
				"destructive s.sql:11 .: DROP SEQUENCE a loses the sequence's current value",
				"destructive s.sql:11 .: DROP SEQUENCE public.b loses the sequence's current value",
			},
		},
		{
			name: "postgres: a schema, type, domain or extension dropped with CASCADE takes tables or columns along", traits: dialect.Capabilities{LockHazards: true, SchemaDropRestricts: true},
			rev: Revision{File: "c.sql", Upgrade: stmts(`DROP SCHEMA app`, `DROP SCHEMA IF EXISTS "app", audit CASCADE`,
				`DROP TYPE mood`, `DROP TYPE mood CASCADE;`, `DROP DOMAIN email RESTRICT`, `drop domain email cascade`,
				`DROP EXTENSION citext CASCADE`, `DROP OWNED BY app_owner`)},
			want: []string{
				"fk-unindexed :0 tags.user_id",
				`destructive c.sql:11 .: DROP SCHEMA app, audit loses every table in it; add the header line "-- retort:allow destructive"`,
				"destructive c.sql:13 .: DROP TYPE mood CASCADE drops the columns of that type, and their values",
				"destructive c.sql:15 .: DROP DOMAIN email CASCADE drops the columns of that type",
				"destructive c.sql:16 .: DROP EXTENSION citext CASCADE drops the columns of that type",
				"destructive c.sql:17 .: DROP OWNED BY app_owner loses every table the role owns",
			},
		},
		{
			name: "mysql: a schema is a database, and dropping it drops its tables", traits: mysqlTraits,
			rev: Revision{File: "m.sql", Upgrade: stmts("DROP SCHEMA `archive`", "DROP DATABASE IF EXISTS old")},
			want: []string{
				"destructive m.sql:10 .: DROP SCHEMA archive loses every table in it",
				"destructive m.sql:11 .: DROP DATABASE old loses every table in it",
			},
		},
		{
			name: "dropped and truncated partitions lose rows", traits: mysqlTraits,
			rev: Revision{File: "p.sql", Upgrade: stmts("ALTER TABLE `logs` DROP PARTITION `p0`, p1", "ALTER TABLE logs TRUNCATE PARTITION p2",
				"ALTER TABLE logs REMOVE PARTITIONING", "ALTER TABLE logs ADD PARTITION (PARTITION p9 VALUES LESS THAN (90))")},
			want: []string{
				"destructive p.sql:10 logs.: DROP PARTITION logs.p0 loses the partition's rows",
				"destructive p.sql:10 logs.: DROP PARTITION logs.p1 loses the partition's rows",
				"destructive p.sql:11 logs.: TRUNCATE PARTITION logs.p2 loses the partition's rows",
			},
		},
		{
			name: "a rebuild names each lost column", traits: sqliteTraits,
			rev: Revision{File: "r.sql", Allow: []string{"fk-unindexed"}, Upgrade: stmts(
				`INSERT INTO "_retort_new_notes" ("id") SELECT "id" FROM "notes"`)},
			want: []string{
				// Allowed in r.sql, which does not touch tags: still reported.
				"fk-unindexed :0 tags.user_id",
				"destructive r.sql:10 notes.author_id: the rebuild of notes does not copy column notes.author_id",
				"destructive r.sql:10 notes.Body: the rebuild of notes does not copy column notes.Body",
			},
		},
		{
			name: "fk-unindexed belongs to the revision that touches the table", traits: sqliteTraits,
			rev:  Revision{File: "t.sql", Upgrade: stmts(`ALTER TABLE tags ADD COLUMN note TEXT`)},
			want: []string{"fk-unindexed t.sql:0 tags.user_id: foreign key tags_user_id_fkey on tags(user_id) has no index"},
		},
		{
			name: "fk-unindexed allowed there", traits: sqliteTraits,
			rev: Revision{File: "t.sql", Allow: []string{"fk-unindexed"}, Upgrade: stmts(`ALTER TABLE tags ADD COLUMN note TEXT`)},
		},
		{
			name: "allowing one rule leaves the others", traits: sqliteTraits,
			rev:  Revision{File: "t.sql", Allow: []string{"destructive"}, Upgrade: stmts(`ALTER TABLE tags ADD COLUMN note TEXT`, `DROP TABLE notes`)},
			want: []string{"fk-unindexed t.sql:0 tags.user_id: foreign key tags_user_id_fkey"},
		},
		{
			name: "an unknown rule is a warning", traits: mysqlTraits,
			rev:  Revision{File: "u.sql", Allow: []string{"destructiv"}, Upgrade: stmts(`SELECT 1`)},
			want: []string{`allow u.sql:0 .: retort:allow names "destructiv", which is no lint rule`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Run(Input{Capabilities: tt.traits, Live: live(), After: live(), Pending: []Revision{tt.rev}})
			if len(fs) != len(tt.want) {
				t.Fatalf("findings %v, want %d", fs, len(tt.want))
			}
			for i, f := range fs {
				got := fmt.Sprintf("%s %s:%d %s.%s: %s", f.Rule, f.File, f.Line, f.Table, f.Column, f.Message)
				if !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("finding %d\n  %s\nwant prefix\n  %s", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestDestructiveHonoursAllow(t *testing.T) {
	in := Input{Capabilities: postgresTraits, Live: live(), Pending: []Revision{
		{File: "a.sql", Upgrade: stmts(`DROP TABLE tags`)},
		{File: "b.sql", Allow: []string{"destructive"}, Upgrade: stmts(`DROP TABLE notes`)},
		{File: "c.sql", Upgrade: stmts(`CREATE INDEX i ON notes (body)`)},
	}}
	fs := Destructive(in)
	if len(fs) != 1 || fs[0].File != "a.sql" || fs[0].Table != "tags" {
		t.Errorf("Destructive = %v, want only a.sql's DROP TABLE tags", fs)
	}
}

// Every clause of an ALTER TABLE counts: a column dropped next to a key
// added, a constraint dropped or a default changed is still lost data.
func TestDestructiveSeesEveryClause(t *testing.T) {
	tests := []struct {
		sql  string
		want string // "table.column,..." of the findings
	}{
		{"ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES users (id), DROP COLUMN body", "notes.body"},
		{"ALTER TABLE notes DROP CONSTRAINT c, DROP COLUMN body, DROP COLUMN title", "notes.body,notes.title"},
		{"ALTER TABLE notes ALTER COLUMN a DROP DEFAULT, DROP COLUMN IF EXISTS body", "notes.body"},
		{"ALTER TABLE `notes` DROP body, ADD COLUMN c VARCHAR(10) DEFAULT 'x, DROP y'", "notes.body"},
		{"ALTER TABLE notes DROP INDEX i, DROP FOREIGN KEY f, DROP PRIMARY KEY, DROP CHECK c", ""},
		{"ALTER TABLE notes ADD COLUMN body TEXT", ""},
	}
	for _, tt := range tests {
		fs := Destructive(Input{Capabilities: mysqlTraits, Pending: []Revision{{File: "a.sql", Upgrade: stmts(tt.sql)}}})
		var got []string
		for _, f := range fs {
			got = append(got, f.Table+"."+f.Column)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s: findings %q, want %q", tt.sql, got, tt.want)
		}
	}
}

func TestDropsColumn(t *testing.T) {
	tests := []struct {
		sql  string
		want bool
	}{
		{"ALTER TABLE notes DROP COLUMN body", true},
		{"ALTER TABLE `notes` ADD KEY k (a), DROP b", true},
		{"ALTER TABLE notes DROP CONSTRAINT notes_pkey", false},
		{"DROP TABLE notes", false},
	}
	for _, tt := range tests {
		if got := DropsColumn([]Revision{{Upgrade: stmts(tt.sql)}}); got != tt.want {
			t.Errorf("DropsColumn(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
}
