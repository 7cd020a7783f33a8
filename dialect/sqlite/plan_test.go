package sqlite

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestPrepare(t *testing.T) {
	stmts := []string{
		"pragma  FOREIGN_KEYS=off",
		`PRAGMA "foreign_keys" = '0'`,
		"-- hand-written\nPRAGMA main.foreign_keys = false;",
		"CREATE TABLE a (x)",
		"PRAGMA foreign_keys_x = OFF",
		"PRAGMA foreign_key_check",
		"PRAGMA foreign_key_check(notes)",
		"PRAGMA /* c */ foreign_key_check ( \"notes\" )",
		"INSERT INTO a VALUES ('PRAGMA foreign_keys = OFF')",
		"PRAGMA foreign_keys = ON",
		"PRAGMA foreign_keys=1",
		"PRAGMA foreign_keys", // a query, not a switch
		"PRAGMA foreign_keys = maybe",
	}
	want := dialect.Plan{
		Before: stmts[0:3],
		Body:   []string{stmts[3], stmts[4], stmts[8], stmts[11], stmts[12]},
		Checks: stmts[5:8],
		After:  stmts[9:11],
	}
	if got := (Dialect{}).Prepare(stmts); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v\nwant %#v", got, want)
	}
}

func FuzzPrepPragma(f *testing.F) {
	for _, s := range []string{"PRAGMA foreign_keys = OFF", "pragma main.\"foreign_key_check\"('t')", "PRAGMA [x", "/*", "--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, arg, ok := prepPragma(s)
		if !ok && (name != "" || arg != "") {
			t.Fatalf("unparsed %q gave %q %q", s, name, arg)
		}
		// Every statement lands in exactly one part of the plan.
		p := Dialect{}.Prepare([]string{s})
		if n := len(p.Before) + len(p.Body) + len(p.Checks) + len(p.After); n != 1 {
			t.Fatalf("%q placed %d times", s, n)
		}
	})
}
