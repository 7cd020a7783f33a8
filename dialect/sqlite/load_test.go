package sqlite

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

func TestLoadDesired(t *testing.T) {
	files := []dialect.SourceFile{
		{Name: "schema.sql", SQL: `-- users first
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE -- inline; makes an autoindex
);
/* notes; reference users */
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  author_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body TEXT CHECK (body <> ';')
);
CREATE INDEX notes_author ON notes (author_id);
`},
		{Name: "more.sql", SQL: `CREATE VIEW note_authors AS SELECT n.id, u.email FROM notes n JOIN users u ON u.id = n.author_id;
CREATE TRIGGER users_del BEFORE DELETE ON users BEGIN
  SELECT RAISE(ABORT, 'no; never');
END;
`},
	}
	s, err := Dialect{}.LoadDesired(context.Background(), nil, "", files)
	if err != nil {
		t.Fatal(err)
	}
	notes := s.Table("", "notes")
	if notes == nil || len(notes.ForeignKeys) != 1 || notes.ForeignKeys[0].OnDelete != "CASCADE" ||
		len(notes.Checks) != 1 || notes.Checks[0].Expr != "body <> ';'" || notes.Index("notes_author") == nil {
		t.Errorf("notes = %s", reflJSON(notes))
	}
	if u := s.Table("", "users"); u == nil || len(u.Uniques) != 1 {
		t.Errorf("users = %s", reflJSON(u))
	}
	if len(s.Views) != 1 || len(s.Triggers) != 1 || !strings.Contains(s.Triggers[0].SQL, "'no; never'") {
		t.Errorf("views %s triggers %s", reflJSON(s.Views), reflJSON(s.Triggers))
	}
}

func TestLoadDesiredErrors(t *testing.T) {
	cases := []struct {
		name   string
		files  []dialect.SourceFile
		devURL string
		want   []string
	}{
		{
			name: "bad statement names file and line",
			files: []dialect.SourceFile{
				{Name: "ok.sql", SQL: "CREATE TABLE a (id INT);"},
				{Name: "schema.sql", SQL: "CREATE TABLE b (id INT);\n\n-- next one is wrong\nCREATE TABLE c (\n  id INT REFERENCES\n);\n"},
			},
			want: []string{"schema.sql:4: ", "syntax error", "CREATE TABLE c ("},
		},
		{
			name:  "duplicate table",
			files: []dialect.SourceFile{{Name: "dup.sql", SQL: "CREATE TABLE a (id INT);\nCREATE TABLE a (id INT);"}},
			want:  []string{"dup.sql:2: ", "already exists", "CREATE TABLE a (id INT)"},
		},
		{
			name:  "unterminated quote",
			files: []dialect.SourceFile{{Name: "q.sql", SQL: "CREATE TABLE a (id INT);\nCREATE TABLE 'b (id INT);"}},
			want:  []string{"q.sql:2: "},
		},
		{
			name:   "dev url of another dialect",
			devURL: "postgres://u:secret@localhost/db",
			want:   []string{"dev_url", "sqlite://"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Dialect{}.LoadDesired(context.Background(), nil, tc.devURL, tc.files)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
	_, err := Dialect{}.LoadDesired(context.Background(), nil, "", []dialect.SourceFile{{Name: "x.sql", SQL: "SELEC 1;"}})
	var le *dialect.LoadError
	if !errors.As(err, &le) || le.File != "x.sql" || le.Line != 1 || le.SQL != "SELEC 1" {
		t.Errorf("err = %#v", err)
	}
}

// A file dev_url must be empty, and is emptied again after loading, so
// the next run starts clean.
func TestLoadDesiredDevURLFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dev.db")
	files := []dialect.SourceFile{{Name: "s.sql", SQL: `CREATE TABLE a (id INTEGER PRIMARY KEY, b TEXT COLLATE NOCASE);
CREATE TABLE c (a_id INT REFERENCES a ON DELETE CASCADE);
CREATE VIEW v AS SELECT * FROM c;`}}
	for run := 0; run < 2; run++ {
		s, err := Dialect{}.LoadDesired(ctx, nil, "sqlite://"+path+"?_pragma=cache_size(100)", files)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if a := s.Table("", "a"); a == nil || a.Column("b").Collation != "NOCASE" || len(s.Views) != 1 {
			t.Fatalf("run %d: schema = %s", run, reflJSON(s))
		}
	}
	db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("dev database keeps %d objects (err %v)", n, err)
	}
	schematest.Exec(t, db, `CREATE TABLE leftover (id INT)`)
	_, err = Dialect{}.LoadDesired(ctx, nil, "sqlite://"+path, files)
	if err == nil || !strings.Contains(err.Error(), "not empty") || !strings.Contains(err.Error(), path) {
		t.Errorf("non-empty dev database: err = %v", err)
	}
}
