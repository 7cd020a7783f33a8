package diff

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

func TestDescribe(t *testing.T) {
	cascade := fk("notes_author_id_fkey", "author_id", "users", "id", onDelete("CASCADE"))
	cases := []struct {
		name     string
		from, to *schema.Schema
		want     string
	}{
		{"on delete change is one line", withFKs(fk("notes_author_id_fkey", "author_id", "users", "id")), withFKs(cascade),
			"~ notes: foreign key notes_author_id_fkey (author_id) -> users(id): ON DELETE NO ACTION => CASCADE\n"},
		{"several options and a new name", withFKs(fk("a", "author_id", "users", "id")),
			withFKs(fk("b", "author_id", "users", "id", func(k *schema.ForeignKey) {
				k.OnUpdate, k.Match, k.Deferrable, k.InitiallyDeferred = "SET NULL", "FULL", true, true
			})),
			"~ notes: foreign key b (author_id) -> users(id): name a => b, ON UPDATE NO ACTION => SET NULL, MATCH SIMPLE => FULL, NOT DEFERRABLE => DEFERRABLE, INITIALLY IMMEDIATE => INITIALLY DEFERRED\n"},
		{"unnamed live key", withFKs(fk("", "author_id", "users", "id")), withFKs(fk("", "author_id", "users", "id", onDelete("SET NULL"))),
			"~ notes: foreign key notes_author_id_fkey (author_id) -> users(id): name (unnamed) => notes_author_id_fkey, ON DELETE NO ACTION => SET NULL\n"},
		{"add and drop", withFKs(fk("old", "editor_id", "users", "id")), withFKs(cascade),
			"- notes: foreign key old (editor_id) -> users(id)\n" +
				"+ notes: foreign key notes_author_id_fkey (author_id) -> users(id) ON DELETE CASCADE\n"},
		{"recreated", blog(), with(blog(), func(s *schema.Schema) {
			tbl(s, "users").Column("id").Type = "bigint"
			tbl(s, "notes").Column("author_id").Type = "bigint"
		}), "~ notes: foreign key notes_author_id_fkey (author_id) -> users(id): recreated (a column or key it relies on changes)\n" +
			"~ alter column notes.author_id: type integer => bigint\n" +
			"~ alter column users.id: type integer => bigint\n"},
		{"columns, key, comment", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(removeColumn(n.Columns, "body"), &schema.Column{Name: "title", Type: "text", Default: str("''")})
			n.PrimaryKey = pk("", "id", "author_id")
			n.Comment = "posts"
			u := tbl(s, "users").Column("email")
			u.Nullable, u.Default, u.Collation, u.Comment = true, str("'x'"), "C", "mail"
			u.Identity, u.AutoIncrement = "BY DEFAULT", true
			u.Generated = &schema.Generated{Expr: "1", Stored: true}
			u.Attrs = map[string]string{"charset": "latin1"}
		}), "- drop unique users_email_key[email] on users\n" + // the column becomes generated: dropped and added
			"+ add column notes.title text NOT NULL DEFAULT ''\n" +
			"~ alter primary key on notes: (id) => (id, author_id)\n" +
			"- drop column notes.body\n" +
			"~ set comment on notes: \"\" => \"posts\"\n" +
			"~ alter column users.email: nullable false => true, default none => 'x', auto increment false => true, identity none => BY DEFAULT, generated none => 1 STORED, collation none => C, comment \"\" => \"mail\", attributes map[] => map[charset:latin1]\n" +
			"+ add unique users_email_key[email] on users\n"},
		{"tables, views, enums", blog(), with(blog(), func(s *schema.Schema) {
			s.Tables = append(s.Tables, table("tags", "id integer"))
			s.Views = []*schema.View{{Name: "v", Def: "SELECT 1"}}
			s.Enums = []*schema.Enum{{Name: "e", Values: []string{"a"}}}
		}), "+ create enum e\n+ create table tags\n+ create view v\n"},
		{"enum values", with(blog(), func(s *schema.Schema) { s.Enums = []*schema.Enum{{Name: "e", Values: []string{"a"}}} }),
			with(blog(), func(s *schema.Schema) { s.Enums = []*schema.Enum{{Name: "e", Values: []string{"a", "b"}}} }),
			"~ alter enum e: (a) => (a, b)\n"},
		{"renames", blog(), with(blog(), func(s *schema.Schema) { tbl(s, "users").Uniques[0].Name = "u" }),
			"~ rename constraint users_email_key to u on users\n"},
		{"invalid index", with(blog(), func(s *schema.Schema) { tbl(s, "notes").Indexes[0].Invalid = true }), blog(),
			"- drop index notes_author_id_idx on notes (INVALID: a failed or unfinished build; unused and unenforced)\n" +
				"+ create index notes_author_id_idx on notes\n"},
		{"nothing", blog(), blog(), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Describe(diffAndCheck(t, tc.from, tc.to, Options{}))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestDescribeOtherSchemaAndSigns(t *testing.T) {
	k := fk("k", "a", "users", "id")
	k.RefSchema = "auth"
	ops := []op.Op{
		op.AddForeignKey{Table: op.Ref{Schema: "app", Name: "t"}, FK: k},
		op.DropTable{Table: table("x")},
		op.DropCheck{Table: op.Ref{Name: "t"}, Check: &schema.Check{Name: "c", Expr: "a > 0"}},
		op.RenameIndex{Table: op.Ref{Name: "t"}, Old: "a", New: "b"},
	}
	want := "+ app.t: foreign key k (a) -> auth.users(id)\n" +
		"- drop table x\n" +
		"- drop check c (a > 0) on t\n" +
		"~ rename index a to b on t\n"
	if got := Describe(ops); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if strings.Count(Describe(op.ReverseAll(ops)), "\n") != len(ops) {
		t.Error("Describe must print one line per op")
	}
}
