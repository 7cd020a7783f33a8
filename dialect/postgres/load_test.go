package postgres

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
)

func TestLoadDesired(t *testing.T) {
	db, u := reflFresh(t, "")
	files := []dialect.SourceFile{
		{Name: "a.sql", SQL: "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\n"},
		{Name: "b.sql", SQL: "-- notes\nCREATE TABLE notes (id int PRIMARY KEY, author_id bigint REFERENCES users (id));\n"},
	}
	bad := []dialect.SourceFile{files[0], {Name: "schema/bad.sql", SQL: "CREATE TABLE ok1 (id int);\n\n\nCREATE TABLE broken (id int REFERENCES nowhere (id));\n"}}
	split := []dialect.SourceFile{{Name: "quote.sql", SQL: "CREATE TABLE x (a text DEFAULT 'unterminated);\n"}}
	slow := []dialect.SourceFile{{Name: "slow.sql", SQL: "CREATE TABLE s (id int);\nSELECT pg_sleep(60);\n"}}

	cases := []struct {
		name    string
		files   []dialect.SourceFile
		timeout time.Duration
		wantErr []string // substrings; none means success
		tables  []string
	}{
		{name: "good files", files: files, tables: []string{"notes", "users"}},
		{name: "no files", tables: nil},
		{name: "refused statement", files: bad, wantErr: []string{"schema/bad.sql:4: ", `relation "nowhere" does not exist`, "CREATE TABLE broken"}},
		{name: "unsplittable file", files: split, wantErr: []string{"quote.sql:1"}},
		// The timeout outlasts CREATE DATABASE on a busy server (seconds), so it
		// falls in the sleep.
		{name: "cancelled mid-load", files: slow, timeout: 8 * time.Second, wantErr: []string{"slow.sql:2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			names := scratch.Watch(t)
			ctx := context.Background()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			s, err := Dialect{}.LoadDesired(ctx, u, "", tc.files)
			if len(tc.wantErr) > 0 {
				if err == nil {
					t.Fatalf("want an error containing %q, got none", tc.wantErr)
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, tb := range s.Tables {
					got = append(got, tb.QualifiedName())
				}
				if strings.Join(got, ",") != strings.Join(tc.tables, ",") {
					t.Errorf("tables = %q, want %q", got, tc.tables)
				}
			}
			if len(*names) != 1 {
				t.Fatalf("made %d scratch databases, want 1", len(*names))
			}
			if scratch.Has(t, db, (*names)[0]) {
				t.Errorf("scratch database %s was not dropped", (*names)[0])
			}
		})
	}
}

func TestLoadDesiredErrorType(t *testing.T) {
	_, u := reflFresh(t, "")
	_, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "s.sql", SQL: "SELEC 1;"}})
	var le *dialect.LoadError
	if !errors.As(err, &le) || le.File != "s.sql" || le.Line != 1 || le.SQL != "SELEC 1" && le.SQL != "SELEC 1;" {
		t.Fatalf("want *LoadError for s.sql:1, got %#v (%v)", le, err)
	}
}

func TestLoadDesiredNoTarget(t *testing.T) {
	_, err := Dialect{}.LoadDesired(context.Background(), nil, "", nil)
	if err == nil || !strings.Contains(err.Error(), "no target") {
		t.Fatalf("want a no-target error, got %v", err)
	}
}

// The target's search path is recreated in the scratch database, so
// objects land in the same schemas and compare equal.
func TestLoadDesiredSearchPath(t *testing.T) {
	_, u := reflFresh(t, `app,"Other",public`)
	s, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "s.sql", SQL: `
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE "Other".b (id int PRIMARY KEY, a_id int REFERENCES a (id));`}})
	if err != nil {
		t.Fatal(err)
	}
	reflHas(t, s, `table .a comment=""`, `table Other.b comment=""`,
		`fk b_a_id_fkey ["a_id"] -> .a ["id"] del=NO ACTION upd=NO ACTION deferrable=false deferred=false match="SIMPLE" notvalid=false`)
}

func TestLoadDesiredDevURL(t *testing.T) {
	db, u := reflFresh(t, "")
	files := []dialect.SourceFile{{Name: "s.sql", SQL: "CREATE TABLE t (id int PRIMARY KEY);\nCREATE TYPE e AS ENUM ('a');"}}
	s, err := Dialect{}.LoadDesired(context.Background(), nil, u.String(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 1 || s.Tables[0].Name != "t" || len(s.Enums) != 1 {
		t.Fatalf("loaded %s", reflDump(s))
	}
	if after := schematest.Reflect(t, Dialect{}, db); len(after.Tables)+len(after.Enums) != 0 {
		t.Fatalf("dev database not left empty:\n%s", reflDump(after))
	}
	// Twice in a row works: nothing is left behind.
	if _, err := (Dialect{}).LoadDesired(context.Background(), nil, u.String(), files); err != nil {
		t.Fatal(err)
	}
	schematest.Exec(t, db, "CREATE TABLE leftover (id int)")
	_, err = Dialect{}.LoadDesired(context.Background(), nil, u.String(), files)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("want a not-empty error, got %v", err)
	}
	_, err = Dialect{}.LoadDesired(context.Background(), nil, "::nope", files)
	if err == nil {
		t.Fatal("want an error for a malformed dev URL")
	}
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	_, u := reflFresh(t, `app,public`)
	db, err := Dialect{}.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sp string
	if err := db.QueryRow("SHOW search_path").Scan(&sp); err != nil {
		t.Fatal(err)
	}
	if strings.ReplaceAll(sp, " ", "") != "app,public" {
		t.Errorf("search_path = %q, want the URL's", sp)
	}

	base := testdb.Postgres(t)
	for _, raw := range []string{
		"postgres://postgres:s3cretpw@" + base.Host + "/retort_no_such_db?sslmode=disable",
		"postgres://postgres:s3cretpw@127.0.0.1:1/x?sslmode=disable&connect_timeout=2",
		"postgresql://postgres:s3cretpw@" + base.Host + "/x?sslmode=bogus",
	} {
		bad, _ := url.Parse(raw)
		db, err := Dialect{}.Open(ctx, bad)
		if err == nil {
			db.Close()
			t.Errorf("%s: want an error", dialect.RedactURL(bad))
			continue
		}
		if strings.Contains(err.Error(), "s3cretpw") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

// A schema named after the user comes first in the default search path
// ("$user", public); the scratch database must have it too, or public
// objects would reflect under a different schema name.
func TestLoadDesiredUserSchema(t *testing.T) {
	db, u := reflFresh(t, "")
	schematest.Exec(t, db, "CREATE SCHEMA IF NOT EXISTS AUTHORIZATION CURRENT_USER")
	ddl := "CREATE TABLE mine (id int PRIMARY KEY);\nCREATE TABLE public.shared (id int PRIMARY KEY, mine_id int REFERENCES mine (id));"
	schematest.Exec(t, db, ddl)
	live := schematest.Reflect(t, Dialect{}, db)
	reflHas(t, live, `table .mine comment=""`, `table public.shared comment=""`)
	desired, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "s.sql", SQL: ddl}})
	if err != nil {
		t.Fatal(err)
	}
	reflNoDiff(t, live, desired)
}
