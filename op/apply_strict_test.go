package op

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// strictBase is users(id, email UNIQUE), notes(id, author_id -> users.id,
// body CHECK, m mood) with an index on author_id, tags(id, label) with a
// unique index on label, a view and a trigger on notes, and enum mood.
func strictBase() *schema.Schema {
	return &schema.Schema{
		Tables: []*schema.Table{
			{
				Name:       "users",
				Columns:    []*schema.Column{{Name: "id", Type: "integer"}, {Name: "email", Type: "text"}},
				PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Uniques:    []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}},
			},
			{
				Name: "notes",
				Columns: []*schema.Column{
					{Name: "id", Type: "integer"},
					{Name: "author_id", Type: "integer", Nullable: true},
					{Name: "body", Type: "text", Nullable: true},
					{Name: "m", Type: "mood", Nullable: true},
				},
				PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []*schema.ForeignKey{strictFK()},
				Checks:      []*schema.Check{{Name: "notes_body_check", Expr: "length(body) < 100"}},
				Indexes:     []*schema.Index{{Name: "notes_author_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}},
				Comment:     "notes",
			},
			{
				Name:       "tags",
				Columns:    []*schema.Column{{Name: "id", Type: "integer"}, {Name: "label", Type: "text"}},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
				Indexes:    []*schema.Index{{Name: "tags_label_idx", Unique: true, Parts: []schema.IndexPart{{Column: "label"}}}},
			},
		},
		Views:    []*schema.View{{Name: "note_ids", Def: "SELECT id FROM notes"}},
		Triggers: []*schema.Trigger{{Name: "notes_tr", Table: "notes", SQL: "CREATE TRIGGER notes_tr"}},
		Enums:    []*schema.Enum{{Name: "mood", Values: []string{"a", "b"}}},
	}
}

func strictFK() *schema.ForeignKey {
	return &schema.ForeignKey{Name: "notes_author_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}}
}

func TestApplyStrict(t *testing.T) {
	base := strictBase()
	users, notes, tags := Ref{Name: "users"}, Ref{Name: "notes"}, Ref{Name: "tags"}
	col := func(table, name string) *schema.Column { return cloneColumn(base.Table("", table).Column(name)) }
	with := func(c *schema.Column, f func(*schema.Column)) *schema.Column { f(c); return c }
	newTable := func(name string, fks ...*schema.ForeignKey) *schema.Table {
		return &schema.Table{Name: name, Columns: []*schema.Column{{Name: "id", Type: "integer"}, {Name: "ref", Type: "text"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}, ForeignKeys: fks}
	}
	fkTo := func(table string, cols ...string) *schema.ForeignKey {
		return &schema.ForeignKey{Name: "x_fkey", Columns: []string{"ref"}, RefTable: table, RefColumns: cols}
	}
	tests := []struct {
		name string
		ops  []Op
		err  string // "" when the ops apply
	}{
		// What a database would refuse.
		{"key to a missing table", []Op{CreateTable{Table: newTable("x", fkTo("nope", "id"))}}, "referenced table nope does not exist"},
		{"key to a missing column", []Op{CreateTable{Table: newTable("x", fkTo("users", "nope"))}}, "referenced column users.nope does not exist"},
		{"key to columns without a unique key", []Op{CreateTable{Table: newTable("x", fkTo("users", "id", "email"))}}, "users has no primary key or unique over [id email]"},
		{"key to a unique constraint", []Op{CreateTable{Table: newTable("x", fkTo("users", "email"))}}, ""},
		{"key to a unique index", []Op{CreateTable{Table: newTable("x", fkTo("tags", "label"))}}, ""},
		{"key to itself", []Op{CreateTable{Table: newTable("x", fkTo("x", "id"))}}, ""},
		{"key from a missing column", []Op{AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "k", Columns: []string{"nope"}, RefTable: "users", RefColumns: []string{"id"}}}}, "no column notes.nope"},
		{"drop a referenced table", []Op{DropTable{Table: base.Table("", "users")}}, "table users is still referenced by foreign key notes_author_fkey of notes"},
		{"drop a table a view names", []Op{DropTable{Table: base.Table("", "notes")}}, "view note_ids depends on notes"},
		{"drop the unique index a key relies on", []Op{
			CreateTable{Table: newTable("x", fkTo("tags", "label"))},
			DropIndex{Table: tags, Index: base.Table("", "tags").Indexes[0]},
		}, "tags has no primary key or unique over [label]"},
		{"drop the primary key a key relies on", []Op{AlterPrimaryKey{Table: users, From: base.Table("", "users").PrimaryKey}}, "users has no primary key or unique over [id]"},
		{"reshape a column a key uses", []Op{AlterColumn{Table: notes, From: col("notes", "author_id"), To: with(col("notes", "author_id"), func(c *schema.Column) { c.Type = "bigint" })}},
			"column notes.author_id is used by foreign key notes_author_fkey"},
		{"reshape a column a key references", []Op{AlterColumn{Table: users, From: col("users", "id"), To: with(col("users", "id"), func(c *schema.Column) { c.Collation = "C" })}},
			"column users.id is referenced by foreign key notes_author_fkey of notes"},
		{"make a key column NOT NULL", []Op{AlterColumn{Table: notes, From: col("notes", "author_id"), To: with(col("notes", "author_id"), func(c *schema.Column) { c.Nullable = false })}}, ""},
		{"index on a missing column", []Op{CreateIndex{Table: notes, Index: &schema.Index{Name: "ix", Parts: []schema.IndexPart{{Column: "nope"}}}}}, "index ix: no column notes.nope"},
		{"view before the table it names", []Op{
			CreateView{View: &schema.View{Name: "later_ids", Def: "SELECT id FROM later"}},
			CreateTable{Table: newTable("later")},
		}, "view later_ids names later, which is created only after it"},
		{"view after the table it names", []Op{
			CreateTable{Table: newTable("later")},
			CreateView{View: &schema.View{Name: "later_ids", Def: "SELECT id FROM later"}},
		}, ""},
		{"view naming a dropped table", []Op{
			DropView{View: base.Views[0]},
			DropTable{Table: base.Table("", "notes")},
			CreateView{View: &schema.View{Name: "v2", Def: "SELECT * FROM notes"}},
		}, "view v2 names notes, which no longer exists"},
		{"drop a view another view names", []Op{
			CreateView{View: &schema.View{Name: "v2", Def: "SELECT * FROM note_ids"}},
			DropView{View: base.Views[0]},
		}, "view v2 depends on note_ids"},
		{"drop a view with a trigger", []Op{
			CreateTrigger{Trigger: &schema.Trigger{Name: "vt", Table: "note_ids", SQL: "CREATE TRIGGER vt"}},
			DropView{View: base.Views[0]},
		}, "view note_ids still has trigger vt"},
		{"drop an enum a column uses", []Op{DropEnum{Enum: base.Enums[0]}}, "enum mood is still the type of column notes.m"},
		{"drop an enum after its column", []Op{DropColumn{Table: notes, Column: col("notes", "m")}, DropEnum{Enum: base.Enums[0]}}, ""},

		// What the Reverse could not undo.
		{"drop a column in the primary key", []Op{DropColumn{Table: users, Column: col("users", "id")}}, "column users.id is in the primary key"},
		{"drop a column in a unique", []Op{DropColumn{Table: users, Column: col("users", "email")}}, "column users.email is in unique users_email_key"},
		{"drop a column an index uses", []Op{DropColumn{Table: notes, Column: col("notes", "author_id")}}, "column notes.author_id is used by index notes_author_idx"},
		{"drop a column a key uses", []Op{
			DropIndex{Table: notes, Index: base.Table("", "notes").Indexes[0]},
			DropColumn{Table: notes, Column: col("notes", "author_id")},
		}, "column notes.author_id is used by foreign key notes_author_fkey"},
		{"drop a column a check uses", []Op{DropColumn{Table: notes, Column: col("notes", "body")}}, "column notes.body is used by check notes_body_check"},
		{"drop a column after what uses it", []Op{
			DropIndex{Table: notes, Index: base.Table("", "notes").Indexes[0]},
			DropForeignKey{Table: notes, FK: strictFK()},
			DropColumn{Table: notes, Column: col("notes", "author_id")},
		}, ""},
		{"drop a table with other keys than carried", []Op{DropTable{Table: &schema.Table{Name: "notes"}}}, "table notes has 1 foreign keys, the operation carries 0"},
		{"alter column from another definition", []Op{AlterColumn{Table: notes, From: with(col("notes", "body"), func(c *schema.Column) { c.Nullable = false }), To: col("notes", "body")}},
			"column notes.body is not as the operation's From says"},
		{"alter primary key from another key", []Op{AlterPrimaryKey{Table: tags, From: &schema.PrimaryKey{Columns: []string{"label"}}, To: &schema.PrimaryKey{Columns: []string{"id"}}}},
			"primary key of tags is not as the operation's From says"},
		{"drop a key with other options", []Op{DropForeignKey{Table: notes, FK: func() *schema.ForeignKey { k := strictFK(); k.OnDelete = "CASCADE"; return k }()}},
			"foreign key notes_author_fkey on notes is not the one the operation drops"},
		{"drop a unique with other options", []Op{DropUnique{Table: users, Unique: &schema.Unique{Name: "users_email_key", Columns: []string{"email"}, Deferrable: true}}},
			"unique users_email_key on users is not the one the operation drops"},
		{"drop a missing unique", []Op{DropUnique{Table: users, Unique: &schema.Unique{Columns: []string{"id"}}}}, "no unique [id] on users"},
		{"drop a check with another expression", []Op{DropCheck{Table: notes, Check: &schema.Check{Name: "notes_body_check", Expr: "true"}}},
			"check notes_body_check on notes is not the one the operation drops"},
		{"drop an index with another definition", []Op{DropIndex{Table: tags, Index: &schema.Index{Name: "tags_label_idx", Parts: []schema.IndexPart{{Column: "label"}}}}},
			"index tags_label_idx on tags is not the one the operation drops"},
		{"comment from another comment", []Op{SetTableComment{Table: notes, From: "other", To: "x"}}, `comment of notes is "notes", not "other"`},
		{"drop a view with another definition", []Op{DropView{View: &schema.View{Name: "note_ids", Def: "SELECT 1"}}}, "view note_ids is not the one the operation drops"},
		{"drop a trigger with other SQL", []Op{DropTrigger{Trigger: &schema.Trigger{Name: "notes_tr", Table: "notes", SQL: "x"}}}, "trigger notes_tr is not the one the operation drops"},
		{"drop an enum with other values", []Op{DropColumn{Table: notes, Column: col("notes", "m")}, DropEnum{Enum: &schema.Enum{Name: "mood", Values: []string{"a"}}}},
			`enum mood holds ["a" "b"], not ["a"]`},
		{"alter an enum from other values", []Op{AlterEnum{Name: "mood", From: []string{"b", "a"}, To: []string{"a"}}}, `enum mood holds ["a" "b"], not ["b" "a"]`},

		// What Apply itself refuses stays refused.
		{"missing table", []Op{AddColumn{Table: Ref{Name: "nope"}, Column: &schema.Column{Name: "x"}}}, "no table nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := strictBase()
			err := ApplyStrict(s, tt.ops...)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want one containing %q", err, tt.err)
			case tt.err != "":
				return
			}
			// Accepted operations change the model as Apply does, and
			// their reverse applies strictly back to the start.
			plain := strictBase()
			if err := Apply(plain, tt.ops...); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s, plain) {
				t.Fatalf("ApplyStrict and Apply leave different models")
			}
			if err := ApplyStrict(s, ReverseAll(tt.ops)...); err != nil {
				t.Fatalf("reverse refused: %v", err)
			}
		})
	}
}

// TestApplyStrictNamesTheOp: the error says which operation failed.
func TestApplyStrictNamesTheOp(t *testing.T) {
	err := ApplyStrict(strictBase(), SetTableComment{Table: Ref{Name: "notes"}, From: "notes", To: "x"}, DropTable{Table: strictBase().Table("", "users")})
	if err == nil || !strings.HasPrefix(err.Error(), "apply op 2 (drop table users): ") {
		t.Fatalf("error %v, want it to start with the op's number and description", err)
	}
}
