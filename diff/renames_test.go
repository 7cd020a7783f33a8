package diff

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renamed returns blog changed by ops the way a database would change it,
// then by f: the desired schema after a rename.
func renamed(f func(s *schema.Schema), ops ...op.Op) *schema.Schema {
	s := blog()
	if err := op.Apply(s, ops...); err != nil {
		panic(err)
	}
	if f != nil {
		f(s)
	}
	return s
}

var (
	notesRef = op.Ref{Name: "notes"}
	usersRef = op.Ref{Name: "users"}
	// body -> text in notes, author_id (in a key) -> writer_id, users.id
	// (referenced by that key) -> uid, notes -> memos.
	bodyToText    = renamed(nil, op.RenameColumn{Table: notesRef, Old: "body", New: "text"})
	authorToWrite = renamed(nil, op.RenameColumn{Table: notesRef, Old: "author_id", New: "writer_id"})
	idToUID       = renamed(nil, op.RenameColumn{Table: usersRef, Old: "id", New: "uid"})
	notesToMemos  = renamed(nil, op.RenameTable{Old: "notes", New: "memos"})
)

func TestRenames(t *testing.T) {
	yes := func(Candidate) (bool, error) { return true, nil }
	no := func(Candidate) (bool, error) { return false, nil }
	rn := func(spec string) Rename {
		r, err := ParseRename(spec)
		if err != nil {
			panic(err)
		}
		return r
	}
	tests := []struct {
		name     string
		from, to *schema.Schema
		opts     Options
		want     []string // ops, or the candidates of an UndecidedRenamesError
		err      string   // another error
	}{
		{name: "likely column rename without a decision", from: blog(), to: bodyToText,
			want: []string{"undecided notes.body to notes.text (TEXT)"}},
		{name: "column rename from a decision", from: blog(), to: bodyToText, opts: Options{Renames: []Rename{rn("notes.body=text")}},
			want: []string{"rename column notes.body to text"}},
		{name: "no-rename drops and adds", from: blog(), to: bodyToText, opts: Options{NoRename: true},
			want: []string{"add column notes.text", "drop column notes.body"}},
		{name: "asked: yes", from: blog(), to: bodyToText, opts: Options{Decide: yes},
			want: []string{"rename column notes.body to text"}},
		{name: "asked: no", from: blog(), to: bodyToText, opts: Options{Decide: no},
			want: []string{"add column notes.text", "drop column notes.body"}},
		{name: "a decision beats the question", from: blog(), to: bodyToText,
			opts: Options{Renames: []Rename{rn("notes.body=text")}, Decide: func(c Candidate) (bool, error) {
				return false, errors.New("asked about " + c.String())
			}},
			want: []string{"rename column notes.body to text"}},
		{name: "an error while asking stops", from: blog(), to: bodyToText,
			opts: Options{Decide: func(Candidate) (bool, error) { return false, errors.New("stdin closed") }},
			err:  "deciding whether notes.body to notes.text (TEXT) is a rename: stdin closed"},
		{name: "left undecided while asking", from: blog(), to: bodyToText,
			opts: Options{Decide: func(Candidate) (bool, error) { return false, ErrUndecided }},
			want: []string{"undecided notes.body to notes.text (TEXT)"}},
		{name: "another type is no candidate", from: blog(), to: renamed(func(s *schema.Schema) {
			tbl(s, "notes").Column("text").Type = "varchar(10)"
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}),
			want: []string{"add column notes.text", "drop column notes.body"}},
		{name: "another nullability is no candidate", from: blog(), to: renamed(func(s *schema.Schema) {
			tbl(s, "notes").Column("text").Nullable = false
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}),
			want: []string{"add column notes.text", "drop column notes.body"}},
		{name: "another default is no candidate", from: blog(), to: renamed(func(s *schema.Schema) {
			tbl(s, "notes").Column("text").Default = str("'x'")
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}),
			want: []string{"add column notes.text", "drop column notes.body"}},
		{name: "a decided rename may change the type too", from: blog(), to: renamed(func(s *schema.Schema) {
			tbl(s, "notes").Column("text").Type = "varchar(10)"
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}), opts: Options{Renames: []Rename{rn("notes.body=text")}},
			want: []string{"rename column notes.body to text", "alter column notes.text"}},
		{name: "one dropped column, two added alike: both listed", from: blog(), to: renamed(func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("summary text null"))
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}),
			want: []string{"undecided notes.body to notes.text (TEXT)", "undecided notes.body to notes.summary (TEXT)"}},
		{name: "the first yes settles the column", from: blog(), to: renamed(func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("summary text null"))
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}), opts: Options{Decide: yes},
			want: []string{"rename column notes.body to text", "add column notes.summary"}},
		{name: "a column in a foreign key", from: blog(), to: authorToWrite, opts: Options{Renames: []Rename{rn("notes.author_id=writer_id")}},
			want: []string{"rename column notes.author_id to writer_id"}},
		{name: "a column a foreign key references", from: blog(), to: idToUID, opts: Options{Renames: []Rename{rn("users.id=uid")}},
			want: []string{"rename column users.id to uid"}},
		{name: "key columns are candidates too", from: blog(), to: idToUID,
			want: []string{"undecided users.id to users.uid (INTEGER NOT NULL)"}},
		{name: "likely table rename", from: blog(), to: notesToMemos,
			want: []string{"undecided table notes to memos (id, author_id, body)"}},
		{name: "table rename from a decision", from: blog(), to: notesToMemos, opts: Options{Renames: []Rename{rn("notes=memos")}},
			want: []string{"rename table notes to memos"}},
		{name: "table and column renamed, the column named by either table name", from: blog(),
			to:   renamed(nil, op.RenameTable{Old: "notes", New: "memos"}, op.RenameColumn{Table: op.Ref{Name: "memos"}, Old: "body", New: "text"}),
			opts: Options{Renames: []Rename{rn("notes.body=text"), rn("notes=memos")}},
			want: []string{"rename table notes to memos", "rename column memos.body to text"}},
		{name: "table with other columns is no candidate", from: blog(), to: renamed(func(s *schema.Schema) {
			tbl(s, "memos").Columns = tbl(s, "memos").Columns[:2]
			tbl(s, "memos").Indexes = nil
		}, op.RenameTable{Old: "notes", New: "memos"}), opts: Options{NoRename: true},
			want: []string{"drop table notes fks=notes_author_id_fkey", "create table memos fks=notes_author_id_fkey"}},
		{name: "a hint the database already follows is ignored", from: bodyToText, to: bodyToText,
			opts: Options{Renames: []Rename{{Table: "notes", Old: "body", New: "text", Hint: true}, {Old: "notes_old", New: "notes", Hint: true}}}},
		{name: "a decision the database does not match is refused", from: bodyToText, to: bodyToText,
			opts: Options{Renames: []Rename{rn("notes.body=text")}},
			err:  "rename notes.body to notes.text (notes.body=text): the database's table notes has no column body"},
		{name: "renaming onto a live column is refused", from: blog(), to: blog(),
			opts: Options{Renames: []Rename{rn("notes.body=id")}},
			err:  "the database's table notes already has a column id"},
		{name: "two renames of one column are refused", from: with(blog(), func(s *schema.Schema) {}), to: renamed(func(s *schema.Schema) {
			tbl(s, "notes").Columns = append(tbl(s, "notes").Columns, col("summary text null"))
		}, op.RenameColumn{Table: notesRef, Old: "body", New: "text"}),
			opts: Options{Renames: []Rename{rn("notes.body=text"), rn("notes.body=summary")}},
			err:  "column notes.body is also renamed to text"},
		{name: "an unknown table is refused", from: blog(), to: blog(), opts: Options{Renames: []Rename{rn("nope.a=b")}},
			err: "neither the database nor the desired schema has a table nope (nor, for a table rename, the database a table nope.a)"},
		{name: "a table rename onto a live table is refused", from: blog(), to: blog(), opts: Options{Renames: []Rename{rn("notes=users")}},
			err: "the database already has a table users"},
		{name: "a schema-qualified table rename", from: inSchema(blog(), "app"), to: inSchema(notesToMemos, "app"),
			opts: Options{Renames: []Rename{rn("app.notes=memos")}},
			want: []string{"rename table notes to memos"}},
		{name: "a trigger on a renamed table is dropped under the old name", from: with(blog(), func(s *schema.Schema) {
			s.Triggers = []*schema.Trigger{{Name: "tr", Table: "notes", SQL: "CREATE TRIGGER tr ON notes"}}
		}), to: with(notesToMemos, func(s *schema.Schema) {
			s.Triggers = []*schema.Trigger{{Name: "tr", Table: "memos", SQL: "CREATE TRIGGER tr ON memos"}}
		}), opts: Options{Renames: []Rename{rn("notes=memos")}},
			want: []string{"drop trigger tr on notes", "rename table notes to memos", "create trigger tr on memos"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops, err := Schemas(tt.from, tt.to, tt.opts)
			var und *UndecidedRenamesError
			switch {
			case errors.As(err, &und):
				var got []string
				for _, c := range und.Candidates {
					got = append(got, "undecided "+c.String())
				}
				equalLines(t, got, tt.want)
				return
			case tt.err != "":
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			checkNamed(t, ops, schema.Naming{})
			// Once applied, either way, nothing is left to decide.
			checkExecutable(t, tt.from, tt.to, ops, Options{})
			var got []string
			for _, o := range ops {
				if tr, ok := o.(op.DropTrigger); ok {
					got = append(got, "drop trigger "+tr.Trigger.Name+" on "+tr.Trigger.Table)
				} else if tr, ok := o.(op.CreateTrigger); ok {
					got = append(got, "create trigger "+tr.Trigger.Name+" on "+tr.Trigger.Table)
				} else {
					got = append(got, show([]op.Op{o})...)
				}
			}
			equalLines(t, got, tt.want)
		})
	}
}

func inSchema(s *schema.Schema, name string) *schema.Schema {
	c := s.Clone()
	for _, t := range c.Tables {
		t.Schema = name
	}
	return c
}

func TestUndecidedRenamesError(t *testing.T) {
	_, err := Schemas(blog(), bodyToText, Options{})
	var und *UndecidedRenamesError
	if !errors.As(err, &und) || len(und.Candidates) != 1 {
		t.Fatalf("err = %v", err)
	}
	c := und.Candidates[0]
	for _, s := range []struct{ got, want string }{
		{c.Question(), "Did you rename notes.body to notes.text (TEXT)?"},
		{c.Flag(), "notes.body=text"},
		{c.HintText(), `"-- retort:renamed-from body" on the line of column text in CREATE TABLE notes`},
		{err.Error(), "diff: 1 likely rename(s) need a decision, since a drop and add would lose the values:\n  notes.body to notes.text (TEXT)\n" +
			"decide each with a Rename in the options or a \"-- retort:renamed-from OLD\" hint in the schema file, or set NoRename to drop and add"},
	} {
		if s.got != s.want {
			t.Errorf("got %q, want %q", s.got, s.want)
		}
	}
	// The flag a candidate suggests decides it.
	r, err := ParseRename(c.Flag())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Schemas(blog(), bodyToText, Options{Renames: []Rename{r}}); err != nil {
		t.Fatal(err)
	}
}

func TestParseRename(t *testing.T) {
	tests := []struct {
		spec, want, err string
	}{
		{"users.name=full_name", "users.name to users.full_name", ""},
		{"app.users.name=full_name", "app.users.name to app.users.full_name", ""},
		{"notes=memos", "table notes to memos", ""},
		{" notes = memos ", "table notes to memos", ""},
		{"notes", "", "is not TABLE.OLD=NEW"},
		{"notes=", "", "is not TABLE.OLD=NEW"},
		{".a=b", "", "is not TABLE.OLD=NEW"},
		{"a.=b", "", "is not TABLE.OLD=NEW"},
		{"a=b=c", "", "is not TABLE.OLD=NEW"},
		{"users.name=users.full_name", "", "must be a bare name"},
	}
	for _, tt := range tests {
		r, err := ParseRename(tt.spec)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err = %v, want %q", tt.spec, err, tt.err)
			}
			continue
		}
		if err != nil || r.String() != tt.want {
			t.Errorf("%q: %v %v, want %q", tt.spec, r, err, tt.want)
		}
	}
}
