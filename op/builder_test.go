package op

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func blog() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{
		{Name: "users", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}, {Name: "email", Type: "TEXT"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}},
		{Name: "notes", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}, {Name: "author_id", Type: "INTEGER"}},
			ForeignKeys: []*schema.ForeignKey{
				{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}},
				{Columns: []string{"id"}, RefTable: "users", RefColumns: []string{"id"}},
			},
			Uniques: []*schema.Unique{{Name: "notes_id_key", Columns: []string{"id"}}},
			Checks:  []*schema.Check{{Name: "notes_id_check", Expr: "id > 0"}},
			Indexes: []*schema.Index{{Name: "notes_author_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}}},
	}}
}

func TestBuilderOps(t *testing.T) {
	tests := []struct {
		name string
		do   func(b *Builder) error
		want []string // Op.String of each collected op
	}{
		{"create table with portable types", func(b *Builder) error {
			return b.CreateTable("tags", Column("id", BigInt).PrimaryKey(), Column("name", String(20)).NotNull().Unique(),
				Index("", "name"))
		}, []string{"create table tags"}},
		{"drop constraint fk", func(b *Builder) error { return b.DropConstraint("notes", "notes_author_id_fkey") },
			[]string{"drop foreign key notes_author_id_fkey on notes"}},
		{"drop constraint case-insensitive unique", func(b *Builder) error { return b.DropConstraint("notes", "NOTES_ID_KEY") },
			[]string{"drop unique notes_id_key[id] on notes"}},
		{"drop check", func(b *Builder) error { return b.DropConstraint("notes", "notes_id_check") },
			[]string{"drop check notes_id_check (id > 0) on notes"}},
		{"drop unnamed fk by content", func(b *Builder) error { return b.DropForeignKeyOn("notes", []string{"id"}, "users") },
			[]string{"drop foreign key [id] -> users[id] on notes"}},
		{"batch", func(b *Builder) error {
			return b.BatchAlterTable("notes", func(t *Batch) {
				t.DropConstraint("notes_author_id_fkey")
				t.CreateForeignKey("notes_author_id_fkey", "users", []string{"author_id"}, []string{"id"}, FKOptions{OnDelete: schema.Cascade})
				t.AddColumn(Column("body", Text))
				t.AlterColumn("body", SetNullable(false), SetDefault("''"))
				t.RenameColumn("body", "text")
			})
		}, []string{"drop foreign key notes_author_id_fkey on notes", "add foreign key notes_author_id_fkey on notes",
			"add column notes.body", "alter column notes.body", "rename column notes.body to text"}},
		{"later calls see earlier ones", func(b *Builder) error {
			b.RenameTable("users", "people")
			return b.AddColumn("people", Column("nick", String(10)).Unique())
		}, []string{"rename table users to people", "add column people.nick", "add unique people_nick_key[nick] on people"}},
		{"index and drop", func(b *Builder) error {
			b.CreateUniqueIndex("users_id_idx", "users", "id")
			b.DropIndex("notes", "notes_author_idx")
			b.DropColumn("users", "email")
			return b.Execute("UPDATE notes SET id = id")
		}, []string{"create index users_id_idx on users", "drop index notes_author_idx on notes", "drop column users.email", "execute SQL"}},
		{"drop table", func(b *Builder) error { b.DropTable("notes"); return b.DropTable("users") },
			[]string{"drop table notes", "drop table users"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder(blog(), BuilderOptions{})
			if err := tt.do(b); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range b.Ops() {
				got = append(got, o.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("ops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			// The reverse takes the model back to where it started.
			back := b.Current().Clone()
			if err := Apply(back, ReverseAll(b.Ops())...); err != nil {
				t.Fatal(err)
			}
			if len(back.Tables) != len(blog().Tables) {
				t.Fatalf("reverse left %d tables", len(back.Tables))
			}
		})
	}
}

func TestBuilderErrors(t *testing.T) {
	tests := []struct {
		name    string
		offline bool
		do      func(b *Builder) error
		want    string
	}{
		{"unknown table", false, func(b *Builder) error { return b.AddColumn("nope", Column("x", Text)) }, "no table nope"},
		{"unknown constraint lists names", false, func(b *Builder) error { return b.DropConstraint("notes", "x_fkey") },
			"no constraint named x_fkey (it has notes_author_id_fkey, unnamed foreign key, notes_id_key, notes_id_check)"},
		{"index is not a constraint", false, func(b *Builder) error { return b.DropConstraint("notes", "notes_author_idx") }, "use DropIndex"},
		{"empty constraint name", false, func(b *Builder) error { return b.DropConstraint("notes", "") }, "no constraint name"},
		{"fk to unknown table", false, func(b *Builder) error {
			return b.CreateForeignKey("f", "notes", "ghosts", []string{"author_id"}, []string{"id"}, FKOptions{})
		}, "no table ghosts"},
		{"fk column count", false, func(b *Builder) error {
			return b.CreateForeignKey("f", "notes", "users", []string{"author_id", "id"}, []string{"id"}, FKOptions{})
		}, "2 column(s) reference 1"},
		{"duplicate constraint", false, func(b *Builder) error {
			return b.CreateForeignKey("notes_id_key", "notes", "users", []string{"author_id"}, []string{"id"}, FKOptions{})
		}, "already exists"},
		{"bad string size", false, func(b *Builder) error { return b.CreateTable("t", Column("s", String(0))) }, "positive length"},
		{"bad decimal", false, func(b *Builder) error { return b.CreateTable("t", Column("d", Decimal(2, 3))) }, "scale"},
		{"duplicate column", false, func(b *Builder) error { return b.CreateTable("t", Column("a", Text), Column("a", Text)) }, "declared twice"},
		{"existing table", false, func(b *Builder) error { return b.CreateTable("users", Column("a", Text)) }, "already exists"},
		{"pk column add", false, func(b *Builder) error { return b.AddColumn("users", Column("k", Integer).PrimaryKey()) }, "primary key"},
		{"ambiguous unnamed fk", false, func(b *Builder) error { return b.DropForeignKeyOn("notes", []string{"x"}, "users") }, "0 foreign keys"},
		{"empty execute", false, func(b *Builder) error { return b.Execute("  ") }, "empty"},
		{"alter nothing", false, func(b *Builder) error { return b.AlterColumn("users", "email") }, "no change"},
		{"unnamed check", false, func(b *Builder) error { return b.CreateCheck("", "users", "id > 0") }, "needs a name"},
		{"offline needs database", true, func(b *Builder) error { return b.DropConstraint("notes", "notes_author_id_fkey") }, "offline SQL needs the live database schema"},
		{"first error sticks", false, func(b *Builder) error {
			b.DropTable("nope")
			return b.CreateTable("fine", Column("a", Text))
		}, "no table nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := blog()
			if tt.offline {
				start = nil
			}
			b := NewBuilder(start, BuilderOptions{Offline: tt.offline})
			err := tt.do(b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
			if b.Err() != err {
				t.Fatalf("Err() = %v, want the returned error", b.Err())
			}
			if tt.offline && !errors.Is(err, ErrNeedsDatabase) {
				t.Fatalf("offline error does not wrap ErrNeedsDatabase: %v", err)
			}
		})
	}
}

func TestBuilderOfflineOwnTables(t *testing.T) {
	b := NewBuilder(nil, BuilderOptions{Offline: true})
	b.CreateTable("a", Column("id", Integer).PrimaryKey())
	b.CreateIndex("", "a", "id")
	if err := b.AddColumn("a", Column("n", Text)); err != nil {
		t.Fatal(err)
	}
	if n := len(b.Ops()); n != 3 {
		t.Fatalf("%d ops", n)
	}
	if ix := b.Current().Table("", "a").Indexes[0].Name; ix != "a_id_idx" {
		t.Fatalf("index named %q by the naming convention", ix)
	}
}

func TestStandardTypes(t *testing.T) {
	tests := []struct {
		in   Type
		want string
	}{
		{Integer, "INTEGER"}, {BigInt, "BIGINT"}, {String(12), "VARCHAR(12)"}, {Decimal(10, 2), "NUMERIC(10,2)"},
		{Bool, "BOOLEAN"}, {Timestamp, "TIMESTAMP"}, {Raw("citext"), "citext"}, {Text, "TEXT"},
	}
	for _, tt := range tests {
		got, err := StandardType(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("StandardType(%v) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []Type{Raw(" "), {Kind: "nope"}, String(-1)} {
		if _, err := StandardType(bad); err == nil {
			t.Errorf("StandardType(%v) succeeded", bad)
		}
	}
}
