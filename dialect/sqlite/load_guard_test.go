package sqlite

import (
	"strings"
	"testing"
)

func TestLiteLoadGuard(t *testing.T) {
	cases := []struct {
		stmt   string
		refuse string
	}{
		{"CREATE TABLE t (id INTEGER PRIMARY KEY)", ""},
		{"ATTACH DATABASE '/tmp/x.db' AS o", "ATTACH opens"},
		{"attach 'x.db' as o", "ATTACH opens"},
		{"DETACH o", "DETACH"},
		{"VACUUM INTO '/tmp/copy.db'", "VACUUM INTO"},
		{"VACUUM", ""},
		{"VACUUM [it's] INTO 'copy.db'", "VACUUM INTO"},
		{"CREATE TABLE attach (id int)", ""},
		{"CREATE TEMP VIEW v AS SELECT 1", "temporary object"},
		{"CREATE TEMPORARY TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", "temporary object"},
	}
	for _, tc := range cases {
		err := liteLoadGuard(tc.stmt)
		switch {
		case tc.refuse == "" && err != nil:
			t.Errorf("%q refused: %v", tc.stmt, err)
		case tc.refuse != "" && (err == nil || !strings.Contains(err.Error(), tc.refuse)):
			t.Errorf("%q: got %v, want a refusal containing %q", tc.stmt, err, tc.refuse)
		}
	}
}
