package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

// A schema file may change its session: pg_dump's output empties the
// search path and qualifies every name, and a file may set options that
// change how the server prints expressions. The desired schema is still
// read as the target reads it, on either kind of scratch database.
func TestLoadDesiredSessionSettings(t *testing.T) {
	const plain = `CREATE TABLE t (id int PRIMARY KEY, qty int CHECK (qty > 0), n int GENERATED ALWAYS AS (qty * 2) STORED);
CREATE INDEX t_qty ON t (lower(qty::text));
CREATE VIEW v AS SELECT id, qty FROM t;`
	const qualified = `CREATE TABLE public.t (id int PRIMARY KEY, qty int CHECK (qty > 0), n int GENERATED ALWAYS AS (qty * 2) STORED);
CREATE INDEX t_qty ON public.t (lower(qty::text));
CREATE VIEW public.v AS SELECT id, qty FROM public.t;`
	cases := []struct{ name, sql string }{
		{"pg_dump preamble", "\\restrict 4CHYzkuTCOX2\n\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n" +
			"SELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies = false;\nSET client_min_messages = warning;\n" +
			qualified + "\n\n\\unrestrict 4CHYzkuTCOX2\n"},
		{"search path elsewhere", "SET search_path TO nowhere;\n" + qualified},
		{"quoted deparse", "SET quote_all_identifiers = on;\n" + plain},
	}
	_, u := reflFresh(t, "")
	want, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "plain.sql", SQL: plain}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := []dialect.SourceFile{{Name: "s.sql", SQL: tc.sql}}
			s, err := Dialect{}.LoadDesired(context.Background(), u, "", files)
			if err != nil {
				t.Fatalf("scratch load: %v", err)
			}
			if got, want := reflDump(s), reflDump(want); got != want {
				t.Errorf("scratch load reads\n%s\nwant\n%s", got, want)
			}
			_, dev := reflFresh(t, "")
			s, err = Dialect{}.LoadDesired(context.Background(), nil, dev.String(), files)
			if err != nil {
				t.Fatalf("dev URL load: %v", err)
			}
			if got, want := reflDump(s), reflDump(want); got != want {
				t.Errorf("dev URL load reads\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// A file that ends as another role (pg_dump --role writes SET ROLE)
// leaves the reflection to the login role: as the other one, a schema
// it may not use drops out of current_schemas, and its tables with it.
func TestLoadDesiredResetsRole(t *testing.T) {
	db, u := reflFresh(t, "app,public")
	role := "retort_t_role_" + strings.ReplaceAll(strings.TrimPrefix(u.Path, "/"), "retort_t_", "")
	schematest.Exec(t, db, "CREATE ROLE "+quote(role)+" NOLOGIN")
	t.Cleanup(func() { _, _ = db.Exec("DROP ROLE IF EXISTS " + quote(role)) })
	files := []dialect.SourceFile{{Name: "s.sql", SQL: "CREATE TABLE app.t (id int);\nSET ROLE " + quote(role) + ";\n"}}
	_, dev := reflFresh(t, "app,public")
	for _, devURL := range []string{"", dev.String()} {
		target := u
		if devURL != "" {
			target = nil
		}
		s, err := Dialect{}.LoadDesired(context.Background(), target, devURL, files)
		if err != nil {
			t.Fatalf("load (dev URL %q): %v", devURL, err)
		}
		reflHas(t, s, `table .t comment=""`)
	}
}
