package postgres

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// What a schema file creates off the search path would be left out of
// every comparison: the load refuses it, naming the statement.
func TestLoadDesiredOutsideSearchPath(t *testing.T) {
	cases := []struct {
		name       string
		searchPath string
		sql        string
		wantErr    []string // none: the load succeeds
		tables     []string // on success, the reflected tables
		noDev      bool     // a dev database holds the path's schemas already
	}{
		{
			name: "schema and table",
			sql:  "CREATE TABLE users (id int PRIMARY KEY);\n\nCREATE SCHEMA audit;\nCREATE TABLE audit.log (id int PRIMARY KEY);\n",
			wantErr: []string{"schema.sql:3 creates schema audit (and 1 more: table audit.log), outside the URL's search_path (public)",
				"add audit to the URL (&search_path=public,audit)"},
		},
		{
			name:    "function",
			sql:     "CREATE SCHEMA IF NOT EXISTS util;\nCREATE FUNCTION util.one() RETURNS int LANGUAGE sql AS 'SELECT 1';\n",
			wantErr: []string{"schema.sql:1 creates function util.one (and 1 more: schema util), outside"},
		},
		{
			name:    "quoted schema",
			sql:     "CREATE SCHEMA \"Audit Log\";\nCREATE TYPE \"Audit Log\".mood AS ENUM ('a');\n",
			wantErr: []string{`schema.sql:1 creates schema "Audit Log" (and 1 more: type "Audit Log".mood)`},
		},
		{
			name:       "public off the path",
			searchPath: "app",
			sql:        "CREATE TABLE t (id int);\nCREATE TABLE public.p (id int);\n",
			wantErr:    []string{"schema.sql:2 creates table public.p, outside the URL's search_path (app)"},
		},
		{
			name:       "schema on the path, created by the file",
			searchPath: "public,audit",
			sql:        "CREATE SCHEMA audit;\nCREATE TABLE audit.log (id int PRIMARY KEY, n serial);\nCREATE TABLE users (id int PRIMARY KEY);\n",
			tables:     []string{"audit.log", "users"},
			noDev:      true,
		},
		{
			name: "a foreign key's target and a column's type may stay",
			sql: `CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY);
CREATE TYPE auth.level AS ENUM ('a', 'b');
CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), lvl auth.level);
`,
			tables: []string{"profiles"},
		},
		{
			name: "but not what nothing refers to",
			sql: `CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY);
CREATE TABLE auth.sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES auth.users (id));
CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));
`,
			wantErr: []string{"schema.sql:1 creates table auth.sessions, outside the URL's search_path (public)", "a foreign key's target, may stay"},
		},
		{
			name:   "serial sequence and index stay with their table",
			sql:    "CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE);\n",
			tables: []string{"users"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, u := reflFresh(t, tc.searchPath)
			files := []dialect.SourceFile{{Name: "schema.sql", SQL: tc.sql}}
			for _, dev := range []bool{false, true} {
				if dev && tc.noDev {
					continue
				}
				devURL := ""
				if dev {
					// A dev database: loaded in a transaction rolled back.
					_, du := reflFresh(t, tc.searchPath)
					devURL = du.String()
				}
				s, err := Dialect{}.LoadDesired(context.Background(), u, devURL, files)
				if len(tc.wantErr) > 0 {
					if !errors.Is(err, dialect.ErrOutsideScope) {
						t.Fatalf("dev=%v: want an error wrapping ErrOutsideScope, got %v", dev, err)
					}
					for _, w := range tc.wantErr {
						if !strings.Contains(err.Error(), w) {
							t.Errorf("dev=%v: error %q lacks %q", dev, err, w)
						}
					}
					continue
				}
				if err != nil {
					t.Fatalf("dev=%v: %v", dev, err)
				}
				var got []string
				for _, tb := range s.Tables {
					name := tb.Name
					if tb.Schema != "" {
						name = tb.Schema + "." + name
					}
					got = append(got, name)
				}
				sort.Strings(got)
				if strings.Join(got, " ") != strings.Join(tc.tables, " ") {
					t.Errorf("dev=%v: tables %v, want %v", dev, got, tc.tables)
				}
			}
		})
	}
}

func TestLoadCreatedSchemas(t *testing.T) {
	files := []dialect.SourceFile{{Name: "a.sql", SQL: `create schema Audit;
CREATE SCHEMA IF NOT EXISTS maybe;
CREATE SCHEMA "Mixed ""Q""" AUTHORIZATION app;
CREATE SCHEMA AUTHORIZATION app;
-- CREATE SCHEMA commented;
CREATE TABLE schema_x (id int);
`}}
	stmts, err := Dialect{}.loadSplit(files)
	if err != nil {
		t.Fatal(err)
	}
	got := loadCreatedSchemas(stmts)
	want := map[string]bool{"audit": true, `Mixed "Q"`: true}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing %q in %v", k, got)
		}
	}
}
