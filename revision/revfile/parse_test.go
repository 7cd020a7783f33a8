package revfile

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

const sample = `-- retort:revision 3f2a9c1e7b10
-- retort:parents 9d0e1c2b3a41
-- retort:message cascade notes on user delete
-- retort:created 2026-11-24T19:00:00Z

-- +upgrade
ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;
ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey
  FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;
`

// bodyOf is the file body of a parsed revision.
func bodyOf(t *testing.T, r *revision.Revision) *Body {
	t.Helper()
	b, ok := r.Body.(*Body)
	if !ok {
		t.Fatalf("revision %s has body %T, want *revfile.Body", r.ID, r.Body)
	}
	return b
}

func TestParseSample(t *testing.T) {
	r, err := parsePG("3f2a9c1e7b10_cascade.sql", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := &revision.Revision{
		ID:      "3f2a9c1e7b10",
		Parents: []string{"9d0e1c2b3a41"},
		Message: "cascade notes on user delete",
		Created: time.Date(2026, 11, 24, 19, 0, 0, 0, time.UTC),
		File:    "3f2a9c1e7b10_cascade.sql",
		Body: &Body{
			Upgrade: []revision.Statement{
				{SQL: "ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey", Line: 7},
				{SQL: "ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey\n  FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE", Line: 8},
			},
			Downgrade:    []revision.Statement{{SQL: "ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey", Line: 12}},
			UpgradeSQL:   "ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;\nALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey\n  FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;",
			DowngradeSQL: "ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;",
		},
	}
	want.Checksum = r.Checksum
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", r, want)
	}
	if len(r.Checksum) != 64 {
		t.Errorf("checksum %q is not hex sha256", r.Checksum)
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, r *revision.Revision, b *Body)
	}{
		{"base without parents, no downgrade", "-- retort:revision aaaa1111\n-- +upgrade\nCREATE TABLE t (id int);\n", func(t *testing.T, r *revision.Revision, b *Body) {
			if r.Parents != nil || r.DependsOn != nil || len(b.Upgrade) != 1 || b.Downgrade != nil || !r.Created.IsZero() {
				t.Errorf("got %+v", r)
			}
		}},
		{"merge and depends-on", "-- retort:revision m1\n-- retort:parents a b\n-- retort:depends-on c\n-- +upgrade\n-- +downgrade\n", func(t *testing.T, r *revision.Revision, b *Body) {
			if !reflect.DeepEqual(r.Parents, []string{"a", "b"}) || !reflect.DeepEqual(r.DependsOn, []string{"c"}) || b.Upgrade != nil {
				t.Errorf("got %+v", r)
			}
		}},
		{"free comments and blank lines in header", "-- Migration written by hand\n\n-- retort:revision abc\n--retort:message  spaced   words \n-- +UPGRADE\nSELECT 1", func(t *testing.T, r *revision.Revision, b *Body) {
			if r.ID != "abc" || r.Message != "spaced   words" || len(b.Upgrade) != 1 || b.Upgrade[0].Line != 6 {
				t.Errorf("got %+v", r)
			}
		}},
		{"created with offset", "-- retort:revision abc\n-- retort:created 2026-01-02T03:04:05+02:00\n-- +upgrade\nSELECT 1;\n", func(t *testing.T, r *revision.Revision, b *Body) {
			if !r.Created.Equal(time.Date(2026, 1, 2, 1, 4, 5, 0, time.UTC)) {
				t.Errorf("created = %v", r.Created)
			}
		}},
		{"crlf", "-- retort:revision abc\r\n-- +upgrade\r\nSELECT 1;\r\n-- +downgrade\r\nSELECT 2;\r\n", func(t *testing.T, r *revision.Revision, b *Body) {
			if r.ID != "abc" || len(b.Upgrade) != 1 || b.Upgrade[0].Line != 3 || b.Downgrade[0].Line != 5 {
				t.Errorf("got %+v", r)
			}
		}},
		{"statement lines in downgrade", "-- retort:revision abc\n-- +upgrade\nSELECT 0;\n-- +downgrade\n\n\nSELECT 1;\nSELECT\n2;", func(t *testing.T, r *revision.Revision, b *Body) {
			want := []revision.Statement{{SQL: "SELECT 1", Line: 7}, {SQL: "SELECT\n2", Line: 8}}
			if !reflect.DeepEqual(b.Downgrade, want) {
				t.Errorf("downgrade = %+v", b.Downgrade)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parsePG("f.sql", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, r, bodyOf(t, r))
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing revision", "-- retort:message x\n-- +upgrade\n", "f.sql: missing -- retort:revision header"},
		{"missing upgrade", "-- retort:revision abc\n", "f.sql: missing -- +upgrade section"},
		{"bad id", "-- retort:revision a-b\n-- +upgrade\n", "f.sql:1: invalid revision id \"a-b\""},
		{"keyword id", "-- retort:revision head\n-- +upgrade\n", "f.sql:1: invalid revision id \"head\""},
		{"empty id", "-- retort:revision\n-- +upgrade\n", "f.sql:1: invalid revision id \"\""},
		{"two ids", "-- retort:revision a b\n-- +upgrade\n", "f.sql:1: invalid revision id \"a b\""},
		{"bad parent", "-- retort:revision abc\n-- retort:parents x y.z\n-- +upgrade\n", "f.sql:2: invalid revision id \"y.z\" in retort:parents"},
		{"empty parents", "-- retort:revision abc\n-- retort:parents\n-- +upgrade\n", "f.sql:2: retort:parents header without revision ids"},
		{"parent twice", "-- retort:revision abc\n-- retort:parents x x\n-- +upgrade\n", "f.sql:2: revision id x listed twice in retort:parents"},
		{"self parent", "-- retort:revision abc\n-- retort:parents abc\n-- +upgrade\n", "f.sql:2: revision abc lists itself as a parent"},
		{"self dependency", "\n-- retort:revision abc\n-- retort:depends-on abc\n-- +upgrade\n", "f.sql:3: revision abc depends on itself"},
		{"duplicate header", "-- retort:revision abc\n-- retort:message a\n-- retort:message b\n-- +upgrade\n", "f.sql:3: second retort:message header (the first is on line 2)"},
		{"unknown header", "-- retort:revision abc\n-- retort:parent x\n-- +upgrade\n", "f.sql:2: unknown header retort:parent"},
		{"bad created", "-- retort:revision abc\n-- retort:created yesterday\n-- +upgrade\n", "f.sql:2: invalid retort:created time \"yesterday\""},
		{"sql in header", "-- retort:revision abc\nCREATE TABLE t (id int);\n-- +upgrade\n", "f.sql:2: SQL before the -- +upgrade marker"},
		{"downgrade first", "-- retort:revision abc\n-- +downgrade\n-- +upgrade\n", "f.sql:2: -- +downgrade before -- +upgrade"},
		{"two upgrades", "-- retort:revision abc\n-- +upgrade\n-- +upgrade\n", "f.sql:3: second -- +upgrade marker (the first is on line 2)"},
		{"upgrade after downgrade", "-- retort:revision abc\n-- +upgrade\n-- +downgrade\n-- +upgrade\n", "f.sql:4: second -- +upgrade marker"},
		{"two downgrades", "-- retort:revision abc\n-- +upgrade\n-- +downgrade\n-- +downgrade\n", "f.sql:4: second -- +downgrade marker (the first is on line 3)"},
		{"unterminated string in upgrade", "-- retort:revision abc\n-- +upgrade\nSELECT 1;\nSELECT 'x;\n-- +downgrade\n", "f.sql:4: unterminated quoted string"},
		{"unterminated comment in downgrade", "-- retort:revision abc\n-- +upgrade\n-- +downgrade\n\n/* x\n", "f.sql:5: unterminated block comment"},
		{"copy rows in upgrade", "-- retort:revision abc\n-- +upgrade\nCREATE TABLE t (a int);\nCOPY t FROM stdin;\n1\n\\.\n-- +downgrade\n", "f.sql:4: COPY ... FROM STDIN reads its rows from the client"},
		// An upgrade that runs nothing would be recorded as applied.
		{"empty upgrade", "-- retort:revision abc\n-- retort:message m\n\n-- +upgrade\n\n-- +downgrade\nDROP TABLE t;\n", "f.sql:4: empty -- +upgrade section: write the revision's SQL below this line"},
		{"empty upgrade at the end", "-- retort:revision abc\n-- +upgrade\n", "f.sql:2: empty -- +upgrade section"},
		{"comment-only upgrade", "-- retort:revision abc\n-- retort:parents p\n-- +upgrade\n-- TODO\n/* later */\n;\n-- +downgrade\n", "f.sql:3: empty -- +upgrade section"},
		{"allow without rule", "-- retort:revision abc\n-- retort:allow\n-- +upgrade\nSELECT 1;\n", "f.sql:2: retort:allow without a rule name"},
		{"allow with a bad rule", "-- retort:revision abc\n-- retort:allow Destructive!\n-- +upgrade\nSELECT 1;\n", "f.sql:2: invalid rule name \"Destructive!\" in retort:allow"},
		{"bad allow in the upgrade", "-- retort:revision abc\n-- +upgrade\n-- retort:allow\nSELECT 1;\n", "f.sql:3: retort:allow without a rule name"},
		{"empty upgrade of a depends-on revision", "-- retort:revision abc\n-- retort:parents p\n-- retort:depends-on q\n-- +upgrade\n", "f.sql:4: empty -- +upgrade section"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parsePG("f.sql", []byte(tt.src))
			if err == nil && bodyOf(t, r).Unfilled != nil {
				// An empty upgrade parses; applying it is refused.
				err = bodyOf(t, r).Unfilled
			}
			if err == nil {
				t.Fatalf("Parse = %+v, want error", r)
			}
			if !errors.Is(err, revision.ErrInvalid) {
				t.Errorf("error %v does not wrap revision.ErrInvalid", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

// The allow line is a header; files written before that carry it in the
// upgrade section, where it still counts.
func TestParseAllow(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"none", "-- retort:revision abc\n-- +upgrade\nDROP TABLE t;\n", nil},
		{"header", "-- retort:revision abc\n-- retort:message drop t\n-- retort:allow destructive\n\n-- +upgrade\nDROP TABLE t;\n", []string{"destructive"}},
		{"header list", "-- retort:revision abc\n-- retort:allow destructive, fk-unindexed\n-- retort:allow pg-lock destructive\n-- +upgrade\nDROP TABLE t;\n", []string{"destructive", "fk-unindexed", "pg-lock"}},
		{"in the upgrade section", "-- retort:revision abc\n-- +upgrade\n-- retort:allow destructive\nDROP TABLE t;\n", []string{"destructive"}},
		{"both", "-- retort:revision abc\n-- retort:allow fk-unindexed\n-- +upgrade\n  --   retort:allow destructive\nDROP TABLE t;\n-- +downgrade\nCREATE TABLE t (id int);\n", []string{"fk-unindexed", "destructive"}},
		{"a lookalike is an unknown header", "-- retort:revision abc\n-- retort:allowed destructive\n-- +upgrade\nDROP TABLE t;\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parsePG("f.sql", []byte(tt.src))
			if tt.name == "a lookalike is an unknown header" {
				if err == nil || !strings.Contains(err.Error(), "unknown header retort:allowed") {
					t.Fatalf("err = %v, want unknown header retort:allowed", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Allow, tt.want) {
				t.Errorf("Allow = %q, want %q", r.Allow, tt.want)
			}
		})
	}
}

func TestParseWithMySQL(t *testing.T) {
	src := "-- retort:revision abc\n-- +upgrade\nINSERT INTO t VALUES ('it\\'s;'); SELECT 2;\n"
	r, err := ParseWith("f.sql", []byte(src), sqlsplit.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyOf(t, r); len(b.Upgrade) != 2 || b.Upgrade[0].SQL != `INSERT INTO t VALUES ('it\'s;')` {
		t.Errorf("upgrade = %+v", b.Upgrade)
	}
	if _, err := parsePG("f.sql", []byte(src)); err == nil {
		t.Error("PostgreSQL rules accepted a MySQL backslash escape")
	}
}

func TestChecksum(t *testing.T) {
	base := "-- retort:revision abc\n-- retort:message one\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n"
	sum := func(src string) string {
		t.Helper()
		r, err := parsePG("f.sql", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return r.Checksum
	}
	ref := sum(base)
	same := map[string]string{
		"header edit": strings.Replace(base, "message one", "message two", 1),
		"crlf":        strings.ReplaceAll(base, "\n", "\r\n"),
		"blank lines": strings.Replace(base, "-- +downgrade\n", "\n\n-- +downgrade\n\n", 1),
	}
	for name, src := range same {
		if got := sum(src); got != ref {
			t.Errorf("%s changed the checksum", name)
		}
	}
	differ := map[string]string{
		"upgrade edit":       strings.Replace(base, "SELECT 1", "SELECT 10", 1),
		"downgrade edit":     strings.Replace(base, "SELECT 2", "SELECT 20", 1),
		"moved across":       "-- retort:revision abc\n-- +upgrade\nSELECT 1;\nSELECT 2;\n-- +downgrade\n",
		"comment in upgrade": strings.Replace(base, "SELECT 1;", "SELECT 1; -- note", 1),
	}
	for name, src := range differ {
		if got := sum(src); got == ref {
			t.Errorf("%s kept the checksum", name)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	in := &revision.Revision{
		ID:        "0123456789ab",
		Parents:   []string{"p1", "p2"},
		DependsOn: []string{"d1"},
		Message:   "add  users\ntable",
		Created:   time.Date(2026, 11, 24, 19, 0, 0, 500, time.FixedZone("x", 3600)),
		Allow:     []string{"destructive", "fk-unindexed"},
	}
	up := "\nCREATE TABLE users (id int);\nCREATE INDEX i ON users (id);\n\n"
	down := "DROP TABLE users;"
	text := Format(in, up, down)
	r, err := parsePG("f.sql", text)
	if err != nil {
		t.Fatalf("parsePG(Format):\n%s\n%v", text, err)
	}
	if r.ID != in.ID || !reflect.DeepEqual(r.Parents, in.Parents) || !reflect.DeepEqual(r.DependsOn, in.DependsOn) ||
		r.Message != "add  users table" || !r.Created.Equal(in.Created) || !reflect.DeepEqual(r.Allow, in.Allow) || bodyOf(t, r).UpgradeSQL != strings.TrimSpace(up) || bodyOf(t, r).DowngradeSQL != down {
		t.Errorf("round trip:\n%s\ngot %+v", text, r)
	}
	if b := bodyOf(t, r); len(b.Upgrade) != 2 || len(b.Downgrade) != 1 {
		t.Errorf("statements: %+v / %+v", b.Upgrade, b.Downgrade)
	}
	base := Format(&revision.Revision{ID: "abc"}, "", "")
	if want := "-- retort:revision abc\n\n-- +upgrade\n\n-- +downgrade\n"; string(base) != want {
		t.Errorf("Format(base) = %q, want %q", base, want)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"cascade notes on user delete", "abc_cascade_notes_on_user_delete.sql"},
		{"Add Users-Table!!", "abc_add_users_table.sql"},
		{"  __weird__  ", "abc_weird.sql"},
		{"héllo wörld", "abc_h_llo_w_rld.sql"},
		{"", "abc.sql"},
		{"!!!", "abc.sql"},
		{strings.Repeat("a", 50), "abc_" + strings.Repeat("a", 40) + ".sql"},
		{strings.Repeat("a", 39) + " b", "abc_" + strings.Repeat("a", 39) + ".sql"},
	}
	for _, tt := range tests {
		if got := FileName("abc", tt.msg); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"aaaa_first.sql": {Data: []byte("-- retort:revision aaaa\n-- +upgrade\nSELECT 1;\n")},
		"bbbb.sql":       {Data: []byte("-- retort:revision bbbb\n-- retort:parents aaaa\n-- +upgrade\nSELECT 2;\n")},
		"README.md":      {Data: []byte("not sql")},
		"sub/cccc_x.sql": {Data: []byte("garbage")},
		"notes.sql.orig": {Data: []byte("garbage")},
	}
	revs, err := loadPG(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].ID != "aaaa" || revs[0].File != "aaaa_first.sql" || revs[1].ID != "bbbb" {
		t.Errorf("Load = %+v", revs)
	}

	bad := fstest.MapFS{
		"aaaa_first.sql": {Data: []byte("-- retort:revision aaaa\n-- +upgrade\nSELECT 'x\n")},
		"bbbb_x.sql":     {Data: []byte("-- retort:revision cccc\n-- +upgrade\nSELECT 3;\n")},
	}
	_, err = loadPG(bad)
	if !errors.Is(err, revision.ErrInvalid) {
		t.Fatalf("loadPG(bad) = %v, want revision.ErrInvalid", err)
	}
	for _, want := range []string{"aaaa_first.sql:3: unterminated quoted string", "bbbb_x.sql: file name does not start with its revision id cccc"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("loadPG(bad) error %q does not contain %q", err, want)
		}
	}
}
