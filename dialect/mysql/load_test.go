package mysql

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
)

func TestLoadDesiredErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"server error names file, line and statement",
			"CREATE TABLE a (id INT PRIMARY KEY);\n\n-- oops\nCREATE TABLE b (id INT PRIMARY KEY, x NOPE);\n",
			[]string{"schema.sql:4: ", "CREATE TABLE b (id INT PRIMARY KEY, x NOPE)"}},
		{"missing referenced table",
			"CREATE TABLE c (id INT PRIMARY KEY,\n  pid INT REFERENCES nowhere (id),\n  CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES nowhere (id));",
			[]string{"schema.sql:1: ", "nowhere"}},
		{"unterminated quote", "CREATE TABLE a (id INT DEFAULT 'x);\n",
			[]string{"schema.sql:1: "}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, u := freshDB(t)
			names := scratch.Watch(t)
			_, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: tc.src}})
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "Error 1") {
				t.Errorf("error repeats the driver prefix before the message: %q", err)
			}
			if len(*names) > 0 {
				assertDropped(t, db, *names)
			}
		})
	}
}

func TestLoadDesiredDevURL(t *testing.T) {
	dev := testdb.MySQL(t)
	u := testdb.MySQL(t)
	files := []dialect.SourceFile{{Name: "a.sql", SQL: "CREATE TABLE p (id INT PRIMARY KEY);"}, {Name: "b.sql", SQL: "CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id));"}}
	for round := 0; round < 2; round++ { // the dev database is emptied after each load
		s, err := Dialect{}.LoadDesired(context.Background(), u, dev.String(), files)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if got := dump(s); !strings.Contains(got, "fk c_p [pid] -> p[id]") {
			t.Fatalf("round %d: got\n%s", round, got)
		}
	}
	devDB, err := Dialect{}.Open(context.Background(), dev)
	if err != nil {
		t.Fatal(err)
	}
	defer devDB.Close()
	schematest.Exec(t, devDB, "CREATE TABLE junk (id INT)")
	_, err = Dialect{}.LoadDesired(context.Background(), u, dev.String(), files)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("want a not-empty error, got %v", err)
	}
}

func TestOpenNeverPrintsPassword(t *testing.T) {
	u := testdb.MySQL(t)
	u2, _, err := dialect.ParseURL("mysql://nosuchuser:s3cretpw@" + u.Host + u.Path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Dialect{}.Open(context.Background(), u2)
	if err == nil {
		t.Fatal("want an access error")
	}
	if strings.Contains(err.Error(), "s3cretpw") {
		t.Fatalf("password leaked: %v", err)
	}
	if !strings.Contains(err.Error(), "xxxxx") {
		t.Errorf("error should name the redacted URL: %v", err)
	}
	u3, _, _ := dialect.ParseURL("mysql://u:s3cretpw@" + u.Host + "/db?nosuchparam%=x")
	if _, err := Config(u3); err != nil && strings.Contains(err.Error(), "s3cretpw") {
		t.Fatalf("password leaked: %v", err)
	}
}
