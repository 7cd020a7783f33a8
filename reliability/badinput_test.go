package reliability

import (
	"path/filepath"
	"strings"
	"testing"
)

// goodRevision is applied before every bad-input case, so "unchanged" is
// checked against a database that holds something.
const goodRevision = `-- retort:revision 111111111111
-- retort:message t
-- +upgrade
CREATE TABLE t (id INTEGER PRIMARY KEY);
INSERT INTO t (id) VALUES (1);
-- +downgrade
DROP TABLE t;
`

func rev(id, parents, up string) string {
	s := "-- retort:revision " + id + "\n"
	if parents != "" {
		s += "-- retort:parents " + parents + "\n"
	}
	return s + "-- retort:message m\n-- +upgrade\n" + up + "\n-- +downgrade\nSELECT 1;\n"
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string // besides m/111111111111_t.sql
		args  []string          // after the global --url/--dir
		code  int
		want  []string // substrings of stderr's first line
		never string   // must not appear in stdout or stderr
	}{
		{"broken header", map[string]string{"m/222222222222_x.sql": "-- retort:message no id\n-- +upgrade\nCREATE TABLE x (id INTEGER);\n"},
			[]string{"upgrade", "head"}, 2, []string{"222222222222_x.sql"}, ""},
		{"no upgrade section", map[string]string{"m/222222222222_x.sql": "-- retort:revision 222222222222\n-- retort:parents 111111111111\nCREATE TABLE x (id INTEGER);\n"},
			[]string{"upgrade", "head"}, 2, []string{"222222222222_x.sql"}, ""},
		{"duplicate ids", map[string]string{"m/222222222222_a.sql": rev("222222222222", "111111111111", "SELECT 1;"), "m/222222222222_b.sql": rev("222222222222", "111111111111", "SELECT 2;")},
			[]string{"upgrade", "head"}, 2, []string{"222222222222"}, ""},
		{"cycle", map[string]string{"m/222222222222_a.sql": rev("222222222222", "333333333333", "SELECT 1;"), "m/333333333333_b.sql": rev("333333333333", "222222222222", "SELECT 2;")},
			[]string{"upgrade", "head"}, 2, []string{"cycle"}, ""},
		{"missing parent", map[string]string{"m/222222222222_a.sql": rev("222222222222", "ffffffffffff", "SELECT 1;")},
			[]string{"upgrade", "head"}, 2, []string{"222222222222_a.sql", "ffffffffffff"}, ""},
		{"unknown target", nil, []string{"upgrade", "999999999999"}, 2, []string{"999999999999"}, ""},
		{"ambiguous prefix", map[string]string{"m/1234aaaaaaaa_a.sql": rev("1234aaaaaaaa", "111111111111", "SELECT 1;"), "m/1234bbbbbbbb_b.sql": rev("1234bbbbbbbb", "111111111111", "SELECT 2;")},
			[]string{"upgrade", "1234"}, 2, []string{"1234"}, ""},
		{"SQL error midway", map[string]string{"m/222222222222_bad.sql": rev("222222222222", "111111111111", "CREATE TABLE half (id INTEGER);\nINSERT INTO t (id) VALUES (2);\nINSERT INTO no_such_table VALUES (1);")},
			[]string{"upgrade", "head"}, 3, []string{"222222222222_bad.sql:7", "no_such_table"}, ""},
		{"bad URL scheme", nil, []string{"--url", "oracle://scott:tiger99@db/x", "current"}, 2, []string{"oracle"}, "tiger99"},
		{"malformed URL", nil, []string{"--url", "postgres://bob:s3cretpw@[::1/x", "current"}, 2, nil, "s3cretpw"},
		{"unreadable config", nil, []string{"--config", "missing.toml", "current"}, 2, []string{"missing.toml"}, ""},
		{"bad TOML", map[string]string{"bad.toml": "url = \"sqlite://x.db\n"}, []string{"--config", "bad.toml", "current"}, 2, []string{"bad.toml"}, ""},
		{"password, server down (mysql)", nil, []string{"--url", "mysql://bob:hunter2pw@127.0.0.1:1/x", "current"}, 3, nil, "hunter2pw"},
		{"password, server down (mysql upgrade)", nil, []string{"--url", "mysql://bob:hunter3pw@127.0.0.1:1/x", "upgrade", "head"}, 3, nil, "hunter3pw"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work := tempDir(t)
			writeFiles(t, work, map[string]string{"m/111111111111_t.sql": goodRevision, "ok/111111111111_t.sql": goodRevision})
			tg := sqliteTarget(filepath.Join(work, "app.db"))
			c := chain{dir: filepath.Join(work, "m")}
			mustRun(t, work, args(tg, c, "upgrade", "head")...)
			db := tg.open(t)
			before := takeSnapshot(t, work, tg, c, db)
			writeFiles(t, work, tc.files)

			r := run(t, work, append([]string{"--quiet", "--url", tg.url, "--dir", c.dir}, tc.args...)...)
			if r.code != tc.code {
				t.Fatalf("want exit %d, got %s", tc.code, r)
			}
			first, _, _ := strings.Cut(r.stderr, "\n")
			if !strings.HasPrefix(first, "retort: ") {
				t.Errorf("stderr's first line should start with %q: %q", "retort: ", first)
			}
			for _, w := range tc.want {
				if !strings.Contains(first, w) {
					t.Errorf("stderr's first line should name %q: %q", w, first)
				}
			}
			if tc.never != "" && strings.Contains(r.stdout+r.stderr, tc.never) {
				t.Errorf("output shows the password %q: %s", tc.never, r)
			}
			// Without --quiet too: the password never shows.
			if tc.never != "" {
				if r2 := run(t, work, append([]string{"--verbose", "--url", tg.url, "--dir", c.dir}, tc.args...)...); strings.Contains(r2.stdout+r2.stderr, tc.never) {
					t.Errorf("--verbose output shows the password %q: %s", tc.never, r2)
				}
			}
			// The database is unchanged: same heads, schema and rows.
			if cur := mustRun(t, work, args(tg, chain{dir: filepath.Join(work, "ok")}, "current")...); !strings.HasPrefix(cur.stdout, "111111111111") {
				t.Errorf("current changed: %s", cur)
			}
			if d := takeSnapshot(t, work, tg, chain{dir: filepath.Join(work, "ok")}, db).diff(before); d != "" {
				t.Errorf("database changed: %s", d)
			}
		})
	}
}
