package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/sqlsplit"
)

func TestSplitSearchPath(t *testing.T) {
	cases := []struct {
		setting string
		want    []string
	}{
		{`"$user", public`, []string{"$user", "public"}},
		{`app,public`, []string{"app", "public"}},
		{` App , PUBLIC `, []string{"app", "public"}},
		{`"My App", public`, []string{"My App", "public"}},
		{`"a,b" , "say ""hi"""`, []string{"a,b", `say "hi"`}},
		{`Ünï`, []string{"Ünï"}},
		{``, nil},
		{`""`, []string{""}},
	}
	for _, tc := range cases {
		if got := splitSearchPath(tc.setting); !slices.Equal(got, tc.want) {
			t.Errorf("splitSearchPath(%q) = %q, want %q", tc.setting, got, tc.want)
		}
	}
}

func TestNewSearchPath(t *testing.T) {
	cases := []struct {
		name      string
		setting   string
		effective []string
		want      []string
		first     string
	}{
		{name: "default, no user schema", setting: `"$user", public`, effective: []string{"public"}, want: []string{"public"}, first: "public"},
		{name: "default, user schema", setting: `"$user", public`, effective: []string{"bob", "public"}, want: []string{"bob", "public"}, first: "bob"},
		{name: "first missing", setting: `app, public`, effective: []string{"public"}, want: []string{"app", "public"}, first: "app"},
		{name: "system schemas left out", setting: `pg_catalog, app, information_schema, pg_temp, app`, effective: []string{"pg_catalog", "app"}, want: []string{"app"}, first: "app"},
		{name: "empty", setting: ``, want: nil, first: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := newSearchPath(tc.setting, "bob", tc.effective)
			if !slices.Equal(p.schemas, tc.want) || p.first() != tc.first {
				t.Errorf("schemas %q first %q, want %q first %q", p.schemas, p.first(), tc.want, tc.first)
			}
		})
	}
}

// TestReflectSearchPathMissing: with schemas of the URL's search_path
// missing from the live database, unqualified names still mean the first
// configured schema, live tables PostgreSQL put elsewhere keep their
// schema, and the desired schema (which has every schema) differs by the
// missing schemas and the misplaced tables. $USER in a want is the
// user's name.
func TestReflectSearchPathMissing(t *testing.T) {
	cases := []struct {
		name, path string
		setup      []string // run before ddl
		ddl        string   // the live database's, and the desired schema
		tables     []string // reflected, qualified as the model holds them
		schemas    []string // schema objects reflected
		changes    []string // from the live database to the desired schema
	}{
		{
			name: "first schema missing", path: "app,public",
			ddl:     "CREATE TABLE accounts (id int PRIMARY KEY);\nCREATE TABLE public.legacy (id int PRIMARY KEY);",
			tables:  []string{"public.accounts", "public.legacy"},
			changes: []string{"create schema app", "drop table public.accounts", "create table accounts"},
		},
		{
			name: "first schema present", path: "app,public", setup: []string{"CREATE SCHEMA app"},
			ddl:     "CREATE TABLE accounts (id int PRIMARY KEY);\nCREATE TABLE public.legacy (id int PRIMARY KEY);",
			tables:  []string{"accounts", "public.legacy"},
			schemas: []string{"app"},
		},
		{
			name: "middle schema missing", path: "app,audit,public", setup: []string{"CREATE SCHEMA app"},
			ddl:     "CREATE TABLE a (id int);\nCREATE TABLE public.p (id int);",
			tables:  []string{"a", "public.p"},
			schemas: []string{"app"},
			changes: []string{"create schema audit"},
		},
		{
			name: "quoted mixed-case schema missing", path: `"MyApp",public`,
			ddl:     "CREATE TABLE t (id int);",
			tables:  []string{"public.t"},
			changes: []string{"create schema MyApp", "drop table public.t", "create table t"},
		},
		{
			name: "user schema present", path: `"$user",public`,
			setup:   []string{"DO $$ BEGIN EXECUTE format('CREATE SCHEMA %I', current_user); END $$"},
			ddl:     "CREATE TABLE t (id int);\nCREATE TABLE public.p (id int);",
			tables:  []string{"t", "public.p"},
			schemas: []string{"$USER"},
		},
		{
			name: "user schema absent", path: `"$user",public`,
			ddl:    "CREATE TABLE t (id int);",
			tables: []string{"t"},
		},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := testdb.Postgres(t)
			q := u.Query()
			q.Set("search_path", tc.path)
			u.RawQuery = q.Encode()
			db, err := Dialect{}.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var user string
			if err := db.QueryRow("SELECT current_user").Scan(&user); err != nil {
				t.Fatal(err)
			}
			schematest.Exec(t, db, tc.setup...)
			stmts, err := sqlsplit.SplitWith(tc.ddl, sqlsplit.PostgreSQL)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range stmts {
				schematest.Exec(t, db, s.SQL)
			}
			live := schematest.Reflect(t, Dialect{}, db)
			var tables, schemas []string
			for _, tb := range live.Tables {
				tables = append(tables, tb.QualifiedName())
			}
			for _, o := range live.Objects {
				if o.Kind == "schema" {
					schemas = append(schemas, o.Name)
				}
			}
			want := func(names []string) []string {
				var out []string
				for _, n := range names {
					out = append(out, strings.ReplaceAll(n, "$USER", user))
				}
				return out
			}
			if !slices.Equal(tables, want(tc.tables)) || !slices.Equal(schemas, want(tc.schemas)) {
				t.Errorf("reflected tables %q and schemas %q, want %q and %q", tables, schemas, want(tc.tables), want(tc.schemas))
			}

			desired, err := Dialect{}.LoadDesired(ctx, u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: tc.ddl}})
			if err != nil {
				t.Fatal(err)
			}
			ops, err := diff.Schemas(live, desired, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var changes []string
			for _, o := range ops {
				changes = append(changes, fmt.Sprint(o))
			}
			if !slices.Equal(changes, want(tc.changes)) {
				t.Errorf("changes %q, want %q", changes, want(tc.changes))
			}
		})
	}
}

// TestLoadDevSearchPathSchemas: a dev database that lacks schemas of its
// search path gets them for the load, as the scratch database does, in
// the transaction that is rolled back.
func TestLoadDevSearchPathSchemas(t *testing.T) {
	ctx := context.Background()
	u := testdb.Postgres(t)
	q := u.Query()
	q.Set("search_path", "app,audit,public")
	u.RawQuery = q.Encode()
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE SCHEMA audit;\nCREATE TABLE accounts (id int PRIMARY KEY);"}}
	desired, err := Dialect{}.LoadDesired(ctx, nil, u.String(), files)
	if err != nil {
		t.Fatal(err)
	}
	var tables, schemas []string
	for _, tb := range desired.Tables {
		tables = append(tables, tb.QualifiedName())
	}
	for _, o := range desired.Objects {
		if o.Kind == "schema" {
			schemas = append(schemas, o.Name)
		}
	}
	if !slices.Equal(tables, []string{"accounts"}) || !slices.Equal(schemas, []string{"app", "audit"}) {
		t.Errorf("desired tables %q and schemas %q, want [accounts] and [app audit]", tables, schemas)
	}
	db, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM pg_namespace WHERE nspname IN ('app', 'audit')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the dev database kept %d of the schemas created for the load", n)
	}
}

// TestLoadDatabaseSearchPath: the scratch database takes the target's
// search path when the target's database setting, not the URL, sets it.
func TestLoadDatabaseSearchPath(t *testing.T) {
	ctx := context.Background()
	u := testdb.Postgres(t)
	db, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Exec(t, db, "ALTER DATABASE "+quote(strings.TrimPrefix(u.Path, "/"))+" SET search_path = app, public")
	db.Close()
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE accounts (id int PRIMARY KEY);\nCREATE TABLE public.legacy (id int PRIMARY KEY);"}}
	desired, err := Dialect{}.LoadDesired(ctx, u, "", files)
	if err != nil {
		t.Fatal(err)
	}
	var tables, schemas []string
	for _, tb := range desired.Tables {
		tables = append(tables, tb.QualifiedName())
	}
	for _, o := range desired.Objects {
		if o.Kind == "schema" {
			schemas = append(schemas, o.Name)
		}
	}
	if !slices.Equal(tables, []string{"accounts", "public.legacy"}) || !slices.Equal(schemas, []string{"app"}) {
		t.Errorf("desired tables %q and schemas %q, want [accounts public.legacy] and [app]", tables, schemas)
	}
}
