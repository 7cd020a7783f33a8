package sqlite

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"
)

// A missing table is told by SQLite's result code and its untranslated
// "no such table" message, not by retort_ in the text; other refusals
// are Rejected only.
func TestErrorRole(t *testing.T) {
	ctx := context.Background()
	db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: filepath.Join(t.TempDir(), "e.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		sql              string
		missing, refused bool
	}{
		{"SELECT * FROM nowhere", true, true},
		{"INSERT INTO nowhere VALUES (1)", true, true},
		{"CREATE TABLE t (id INTEGER)", false, true},
		{"SELEC 1", false, true},
		{"SELECT no_such_column FROM t", false, true},
	}
	d := Dialect{}
	for _, c := range cases {
		_, err := db.ExecContext(ctx, c.sql)
		if err == nil {
			t.Fatalf("%s succeeded", c.sql)
		}
		if d.MissingTable(err) != c.missing || d.Rejected(err) != c.refused {
			t.Errorf("%s: %v: MissingTable %v, Rejected %v; want %v, %v", c.sql, err, d.MissingTable(err), d.Rejected(err), c.missing, c.refused)
		}
	}
}
