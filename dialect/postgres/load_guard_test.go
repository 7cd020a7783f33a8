package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestPgLoadGuard(t *testing.T) {
	cases := []struct {
		stmt   string
		refuse string // "" allows
	}{
		{"CREATE TABLE t (id int)", ""},
		{"CREATE ROLE app_reader", "CREATE ROLE changes the whole server"},
		{"create user bob", "CREATE USER changes the whole server"},
		{"CREATE USER MAPPING FOR CURRENT_USER SERVER s", ""},
		{"ALTER ROLE app SET search_path = x", "ALTER ROLE"},
		{"DROP DATABASE prod", "DROP DATABASE"},
		{"CREATE TABLESPACE fast LOCATION '/x'", "CREATE TABLESPACE"},
		{"ALTER SYSTEM SET work_mem = '1GB'", "ALTER SYSTEM"},
		{"CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p", "CREATE SUBSCRIPTION"},
		{"GRANT SELECT ON t TO app", ""},
		{"GRANT admin TO bob", "GRANT of a role membership"},
		{"REVOKE admin FROM bob", "REVOKE of a role membership"},
		{"COMMENT ON ROLE app IS 'x'", "COMMENT ON ROLE"},
		{"COMMENT ON TABLE t IS 'role'", ""},
		{"COPY t FROM PROGRAM 'curl x'", "COPY ... PROGRAM"},
		{"COPY t FROM STDIN", ""},
		// An E'' string reads \' as a quote: PROGRAM is code here.
		{`COPY (SELECT E'\'') TO PROGRAM 'true'`, "COPY ... PROGRAM"},
		{"-- CREATE ROLE x\nCREATE TABLE t (role text)", ""},
		{`CREATE TABLE "ROLE" (id int)`, ""},
		{"CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ CREATE ROLE x $$", ""},
		{"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'r') THEN CREATE ROLE r; END IF; END $$", "DO with CREATE ROLE"},
		{"DO $body$ BEGIN PERFORM 1; END $body$", ""},
		{"DO 'BEGIN CREATE ROLE r; END'", "DO with CREATE ROLE"},
		{`DO E'BEGIN\nDROP\tROLE r; RAISE NOTICE \'x\'; END'`, "DO with DROP ROLE"},
		{`DO E'BEGIN \x41LTER SYSTEM SET x = 1; END'`, "DO with ALTER SYSTEM"},
		{"DO LANGUAGE 'plpgsql' 'BEGIN PERFORM 1; END'", ""},
		{"DO '/* $$ */ BEGIN CREATE ROLE r; END'", "DO with CREATE ROLE"},
		{"/* $$ CREATE ROLE r $$ */ DO $$ BEGIN PERFORM 1; END $$", ""},
		{"DO LANGUAGE plpgsql $$ BEGIN ALTER SYSTEM SET x = 1; END $$", "DO with ALTER SYSTEM"},
		{"CREATE TEMP TABLE scratch (id int)", "temporary object"},
		{"CREATE GLOBAL TEMPORARY TABLE g (id int)", "temporary object"},
		{"CREATE TABLE temp (id int)", ""},
	}
	for _, tc := range cases {
		err := pgLoadGuard(tc.stmt)
		switch {
		case tc.refuse == "" && err != nil:
			t.Errorf("%q refused: %v", tc.stmt, err)
		case tc.refuse != "" && (err == nil || !strings.Contains(err.Error(), tc.refuse)):
			t.Errorf("%q: got %v, want a refusal containing %q", tc.stmt, err, tc.refuse)
		}
	}
}

// A refused statement stops the load before anything runs: no role is
// created on the server.
func TestLoadDesiredRefusesServerStatements(t *testing.T) {
	db, u := reflFresh(t, "")
	role := "retort_guard_probe"
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE t (id int);\n\nCREATE ROLE " + role + ";\n"}}
	for _, devURL := range []string{"", u.String()} {
		_, err := Dialect{}.LoadDesired(context.Background(), u, devURL, files)
		if !errors.Is(err, dialect.ErrOutsideScope) || !strings.Contains(err.Error(), "schema.sql:3: CREATE ROLE changes the whole server") {
			t.Fatalf("dev=%q: got %v, want the refusal of schema.sql:3", devURL, err)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, role).Scan(&n); err != nil || n != 0 {
		t.Fatalf("role count %d (%v), want 0", n, err)
	}
}

// On PostgreSQL a backtick is an operator character, not a quote: a file
// pairing two of them around a statement must not hide it from the guard.
func TestLoadDesiredBacktickHidesNothing(t *testing.T) {
	db, u := reflFresh(t, "")
	role := "retort_guard_backtick"
	t.Cleanup(func() { db.Exec(`DROP ROLE IF EXISTS ` + role) })
	files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE FUNCTION neg(int) RETURNS int LANGUAGE sql AS 'SELECT -$1';\n" +
		"CREATE OPERATOR ` (RIGHTARG = int, FUNCTION = neg); CREATE ROLE " + role + "; SELECT ` 1;\n"}}
	_, err := Dialect{}.LoadDesired(context.Background(), u, "", files)
	if !errors.Is(err, dialect.ErrOutsideScope) || !strings.Contains(err.Error(), "schema.sql:2: CREATE ROLE changes the whole server") {
		t.Errorf("got %v, want the refusal of the CREATE ROLE on schema.sql:2", err)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, role).Scan(&n); err != nil || n != 0 {
		t.Fatalf("role count %d (%v), want 0", n, err)
	}
}
