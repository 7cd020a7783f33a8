package mysql

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

const sandbox = `/*M!999999\- enable the sandbox mode */ `

func TestMyLoadGuard(t *testing.T) {
	others := map[string]string{"prod": "prod", "mysql": "mysql", "shop": "Shop"}
	cases := []struct {
		stmt   string
		refuse string // "" allows
	}{
		{"CREATE TABLE t (id int PRIMARY KEY)", ""},
		{"CREATE TABLE prod.t (id int)", "prod.t names database prod"},
		{"/* a /* b */ CREATE TABLE prod.t (id int)", "prod.t names database prod"},
		{"CREATE TABLE `prod`.`t` (id int)", "prod.t names database prod"},
		{"CREATE TABLE t (id int, FOREIGN KEY (id) REFERENCES SHOP.p (id))", "SHOP.p names database Shop"},
		{"CREATE VIEW v AS SELECT t.id FROM t", ""},
		{"CREATE TABLE t (a int CHECK (a > 0), b varchar(9) DEFAULT 'prod.t')", ""},
		{"CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW INSERT INTO mysql.user VALUES (1)", "mysql.user names database mysql"},
		{"USE prod", "USE would move the load"},
		{"USE `prod`", "dump the one database without them"},
		{"CREATE DATABASE x", "CREATE DATABASE changes the whole server"},
		{"CREATE DATABASE /*!32312 IF NOT EXISTS*/ `x` /*!40100 DEFAULT CHARACTER SET utf8mb4 */", "--databases or --all-databases"},
		{"DROP SCHEMA IF EXISTS x", "DROP SCHEMA"},
		{"CREATE OR REPLACE USER u", "CREATE USER"},
		{"GRANT SELECT ON t TO u", "GRANT changes the whole server"},
		{"SET GLOBAL max_connections = 1", "SET GLOBAL"},
		{"SET @@global.max_connections = 1", "SET @@GLOBAL"},
		{"SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'", "SET @@GLOBAL.GTID_PURGED changes the whole server, not only the scratch database retort loads the desired schema into; keep it out of the desired schema (mysqldump writes it for a server with GTIDs: dump with --set-gtid-purged=OFF)"},
		{"SET NAMES utf8mb4", ""},
		{"/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */", ""},
		{"/*!40000 USE prod */", "USE would move the load"},
		{"SELECT 1 INTO OUTFILE '/tmp/x'", "INTO OUTFILE"},
		{"START TRANSACTION", ""},
		{"STOP SLAVE", "STOP SLAVE"},
		{"CREATE TABLE t (x decimal(5,2) DEFAULT 1.5)", ""},
		{"CREATE TEMPORARY TABLE t (id int)", "temporary object"},
		// MySQL reads "--" as a comment only before a blank: 1 --1 is 2.
		{"INSERT INTO t SELECT a --1, b FROM prod.t", "prod.t names database prod"},
		{"INSERT INTO t SELECT 1 -- a, b FROM prod.t", ""},
		// A "*/" inside a string of an executable comment ends nothing.
		{"/*!50000 SELECT '*/' */, a FROM prod.t", "prod.t names database prod"},
		// mariadb-dump's first line is code for a MariaDB 99.99.99 only:
		// the statement it starts is read as the server reads it, and as
		// if the comment ran.
		{sandbox + "\n-- MariaDB dump\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */", ""},
		{sandbox + "\nGRANT ALL ON *.* TO u", "GRANT changes the whole server"},
		{sandbox + "\nCREATE USER u", "CREATE USER"},
		{sandbox + "\nSET GLOBAL max_connections = 1", "SET GLOBAL"},
		{sandbox + "\n/*!40000 USE prod */", "USE would move the load"},
		{"/*!999999 GRANT ALL ON t TO u */ CREATE TABLE t (id int)", "GRANT"},
		// Under ANSI_QUOTES, which the file may have set, "prod" is a name.
		{`CREATE TABLE "prod".t (id int)`, "prod.t names database prod"},
		{`CREATE TABLE t (id int, FOREIGN KEY (id) REFERENCES "Shop"."p" (id))`, "Shop.p names database Shop"},
		{`CREATE TABLE t (a varchar(20) DEFAULT "prod.t" COMMENT "see prod.t")`, ""},
		{`CREATE TABLE "t" ("a" int)`, ""},
	}
	runs := execRuns("10.11.19-MariaDB-0+deb12u1")
	for _, tc := range cases {
		err := myLoadGuard(tc.stmt, others, runs)
		switch {
		case tc.refuse == "" && err != nil:
			t.Errorf("%q refused: %v", tc.stmt, err)
		case tc.refuse != "" && (err == nil || !strings.Contains(err.Error(), tc.refuse)):
			t.Errorf("%q: got %v, want a refusal containing %q", tc.stmt, err, tc.refuse)
		}
	}
}

func TestExecRuns(t *testing.T) {
	cases := []struct {
		version, marker string
		runs            bool
	}{
		{"10.11.19-MariaDB-0+deb12u1", "/*!", true},
		{"10.11.19-MariaDB-0+deb12u1", "/*!40101", true},
		{"10.11.19-MariaDB-0+deb12u1", "/*M!100500", true},
		{"10.11.19-MariaDB-0+deb12u1", "/*M!101119", true},
		{"10.11.19-MariaDB-0+deb12u1", "/*M!101120", false},
		{"10.11.19-MariaDB-0+deb12u1", "/*M!999999", false},
		{"8.0.36", "/*!80036", true},
		{"8.0.36", "/*!80037", false},
		{"8.0.36", "/*M!", false},
		{"8.0.36", "/*M!100100", false},
	}
	for _, tc := range cases {
		if got := execRuns(tc.version)(tc.marker); got != tc.runs {
			t.Errorf("server %s, %s: runs %v, want %v", tc.version, tc.marker, got, tc.runs)
		}
	}
}

// The scratch load refuses a name qualified with another database, the
// live one included, before anything runs: nothing is created there,
// also when the file switches ANSI_QUOTES on and quotes the name so.
func TestLoadDesiredRefusesOtherDatabases(t *testing.T) {
	u := testdb.MySQL(t)
	live := strings.TrimPrefix(u.Path, "/")
	for _, stmt := range []string{"CREATE TABLE `" + live + "`.leak (id int PRIMARY KEY)", "USE `" + live + "`;\nCREATE TABLE leak (id int PRIMARY KEY)",
		"SET sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES'); CREATE TABLE \"" + live + "\".leak (id int PRIMARY KEY)"} {
		files := []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE ok (id int PRIMARY KEY);\n" + stmt + ";\n"}}
		_, err := Dialect{}.LoadDesired(context.Background(), u, "", files)
		if !errors.Is(err, dialect.ErrOutsideScope) || !strings.Contains(err.Error(), "schema.sql:2: ") {
			t.Fatalf("%s: got %v, want the refusal of schema.sql:2", stmt, err)
		}
	}
	db, err := Dialect{}.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the live database holds %d tables (%v), want 0", n, err)
	}
}
