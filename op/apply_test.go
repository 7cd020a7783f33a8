package op

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func strp(s string) *string { return &s }

// applyBase is users(id, email) and notes(id, author_id -> users.id, body)
// with an index, a check, a view and a trigger.
func applyBase() *schema.Schema {
	return &schema.Schema{
		Tables: []*schema.Table{
			{
				Name: "users",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER"},
					{Name: "email", Type: "TEXT"},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
				Uniques:    []*schema.Unique{{Columns: []string{"email"}}},
			},
			{
				Name: "notes",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER"},
					{Name: "author_id", Type: "INTEGER", Nullable: true},
					{Name: "body", Type: "TEXT", Nullable: true},
					{Name: "len", Type: "INTEGER", Generated: &schema.Generated{Expr: "length(body)"}},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []*schema.ForeignKey{{
					Name: "notes_author_id_fkey", Columns: []string{"author_id"},
					RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE",
				}},
				Checks: []*schema.Check{{Name: "body_len", Expr: "length(body) < 100"}},
				Indexes: []*schema.Index{{
					Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}, Where: "body IS NOT NULL",
				}},
			},
		},
		Views:    []*schema.View{{Name: "v", Def: "SELECT 1"}},
		Triggers: []*schema.Trigger{{Name: "tr", Table: "notes", SQL: "CREATE TRIGGER tr ..."}},
	}
}

func TestApply(t *testing.T) {
	notes := Ref{Name: "notes"}
	users := Ref{Name: "users"}
	tests := []struct {
		name  string
		ops   []Op
		check func(t *testing.T, s *schema.Schema)
		err   string
	}{
		{
			name: "create table",
			ops:  []Op{CreateTable{Table: &schema.Table{Name: "tags", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}}}}},
			check: func(t *testing.T, s *schema.Schema) {
				if s.Table("", "tags") == nil {
					t.Fatal("tags missing")
				}
			},
		},
		{name: "create existing table", ops: []Op{CreateTable{Table: &schema.Table{Name: "users"}}}, err: "table users already exists"},
		{
			name: "drop table drops its triggers",
			ops:  []Op{DropTable{Table: &schema.Table{Name: "notes"}}},
			check: func(t *testing.T, s *schema.Schema) {
				if s.Table("", "notes") != nil || len(s.Triggers) != 0 {
					t.Fatalf("notes or trigger left: %d triggers", len(s.Triggers))
				}
			},
		},
		{name: "drop missing table", ops: []Op{DropTable{Table: &schema.Table{Name: "nope"}}}, err: "no table nope"},
		{
			name: "rename table rewrites references",
			ops:  []Op{RenameTable{Old: "users", New: "people"}},
			check: func(t *testing.T, s *schema.Schema) {
				if s.Table("", "people") == nil || s.Table("", "notes").ForeignKeys[0].RefTable != "people" {
					t.Fatal("rename not applied to table and key")
				}
			},
		},
		{name: "rename onto existing", ops: []Op{RenameTable{Old: "users", New: "notes"}}, err: "table notes already exists"},
		{
			name: "add and drop column",
			ops: []Op{
				AddColumn{Table: notes, Column: &schema.Column{Name: "x", Type: "TEXT", Default: strp("'a'")}},
				DropColumn{Table: notes, Column: &schema.Column{Name: "x"}},
			},
			check: func(t *testing.T, s *schema.Schema) {
				if s.Table("", "notes").Column("x") != nil {
					t.Fatal("x still there")
				}
			},
		},
		{name: "add existing column", ops: []Op{AddColumn{Table: notes, Column: &schema.Column{Name: "body"}}}, err: "column notes.body already exists"},
		{name: "drop missing column", ops: []Op{DropColumn{Table: notes, Column: &schema.Column{Name: "zz"}}}, err: "no column notes.zz"},
		{
			name: "drop column drops what uses it",
			ops:  []Op{DropColumn{Table: notes, Column: &schema.Column{Name: "body"}}},
			check: func(t *testing.T, s *schema.Schema) {
				n := s.Table("", "notes")
				if len(n.Indexes) != 0 || len(n.Checks) != 0 || len(n.ForeignKeys) != 1 {
					t.Fatalf("indexes %d checks %d fks %d", len(n.Indexes), len(n.Checks), len(n.ForeignKeys))
				}
			},
		},
		{
			name: "alter column",
			ops: []Op{AlterColumn{Table: notes, From: &schema.Column{Name: "body", Type: "TEXT"},
				To: &schema.Column{Name: "body", Type: "VARCHAR(10)"}}},
			check: func(t *testing.T, s *schema.Schema) {
				if got := s.Table("", "notes").Column("body").Type; got != "VARCHAR(10)" {
					t.Fatalf("type %s", got)
				}
			},
		},
		{name: "alter missing column", ops: []Op{AlterColumn{Table: notes, From: &schema.Column{Name: "q"}, To: &schema.Column{Name: "q"}}}, err: "no column notes.q"},
		{
			name: "rename referenced column",
			ops:  []Op{RenameColumn{Table: users, Old: "id", New: "user_id"}},
			check: func(t *testing.T, s *schema.Schema) {
				u := s.Table("", "users")
				fk := s.Table("", "notes").ForeignKeys[0]
				if u.PrimaryKey.Columns[0] != "user_id" || fk.RefColumns[0] != "user_id" {
					t.Fatalf("pk %v fk refs %v", u.PrimaryKey.Columns, fk.RefColumns)
				}
			},
		},
		{
			name: "rename column in its own table",
			ops:  []Op{RenameColumn{Table: notes, Old: "body", New: "text"}},
			check: func(t *testing.T, s *schema.Schema) {
				n := s.Table("", "notes")
				ix := n.Indexes[0]
				if ix.Parts[0].Column != "text" || ix.Where != `"text" IS NOT NULL` ||
					n.Checks[0].Expr != `length("text") < 100` || n.Column("len").Generated.Expr != `length("text")` {
					t.Fatalf("index %+v check %q gen %q", ix, n.Checks[0].Expr, n.Column("len").Generated.Expr)
				}
			},
		},
		{name: "rename onto existing column", ops: []Op{RenameColumn{Table: notes, Old: "body", New: "id"}}, err: "column notes.id already exists"},
		{
			name: "alter primary key",
			ops:  []Op{AlterPrimaryKey{Table: notes, From: &schema.PrimaryKey{Columns: []string{"id"}}, To: &schema.PrimaryKey{Columns: []string{"id", "author_id"}}}},
			check: func(t *testing.T, s *schema.Schema) {
				if got := s.Table("", "notes").PrimaryKey.Columns; !reflect.DeepEqual(got, []string{"id", "author_id"}) {
					t.Fatalf("pk %v", got)
				}
			},
		},
		{name: "primary key on missing column", ops: []Op{AlterPrimaryKey{Table: notes, To: &schema.PrimaryKey{Columns: []string{"q"}}}}, err: "no column q"},
		{
			name: "drop unnamed fk by target",
			ops: []Op{
				AddForeignKey{Table: notes, FK: &schema.ForeignKey{Columns: []string{"id"}, RefTable: "users", RefColumns: []string{"id"}}},
				DropForeignKey{Table: notes, FK: &schema.ForeignKey{Columns: []string{"id"}, RefTable: "users", RefColumns: []string{"id"}}},
			},
			check: func(t *testing.T, s *schema.Schema) {
				fks := s.Table("", "notes").ForeignKeys
				if len(fks) != 1 || fks[0].Name != "notes_author_id_fkey" {
					t.Fatalf("fks %+v", fks)
				}
			},
		},
		{name: "drop missing fk", ops: []Op{DropForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "nope"}}}, err: "no foreign key nope on notes"},
		{name: "add fk with taken name", ops: []Op{AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "body_len"}}}, err: "constraint body_len already exists"},
		{
			name: "drop unnamed unique by columns",
			ops:  []Op{DropUnique{Table: users, Unique: &schema.Unique{Columns: []string{"EMAIL"}}}},
			check: func(t *testing.T, s *schema.Schema) {
				if len(s.Table("", "users").Uniques) != 0 {
					t.Fatal("unique left")
				}
			},
		},
		{name: "drop missing unique", ops: []Op{DropUnique{Table: users, Unique: &schema.Unique{Columns: []string{"id"}}}}, err: "no unique"},
		{
			name: "add and drop check",
			ops: []Op{
				AddCheck{Table: notes, Check: &schema.Check{Expr: "id > 0"}},
				DropCheck{Table: notes, Check: &schema.Check{Expr: "id  >  0"}},
			},
			check: func(t *testing.T, s *schema.Schema) {
				if len(s.Table("", "notes").Checks) != 1 {
					t.Fatal("check not dropped")
				}
			},
		},
		{name: "drop missing check", ops: []Op{DropCheck{Table: notes, Check: &schema.Check{Name: "nope"}}}, err: "no check nope"},
		{
			name: "rename constraints",
			ops: []Op{
				RenameConstraint{Table: notes, Kind: "fk", Old: "notes_author_id_fkey", New: "fk1"},
				RenameConstraint{Table: notes, Kind: "ck", Old: "body_len", New: "ck1"},
			},
			check: func(t *testing.T, s *schema.Schema) {
				n := s.Table("", "notes")
				if n.ForeignKeys[0].Name != "fk1" || n.Checks[0].Name != "ck1" {
					t.Fatal("not renamed")
				}
			},
		},
		{name: "rename missing constraint", ops: []Op{RenameConstraint{Table: notes, Kind: "uq", Old: "x", New: "y"}}, err: "no uq constraint x on notes"},
		{
			name: "index create rename drop",
			ops: []Op{
				CreateIndex{Table: users, Index: &schema.Index{Name: "a", Parts: []schema.IndexPart{{Column: "email"}}}},
				RenameIndex{Table: users, Old: "a", New: "b"},
			},
			check: func(t *testing.T, s *schema.Schema) {
				if s.Table("", "users").Index("b") == nil {
					t.Fatal("index b missing")
				}
			},
		},
		{name: "drop missing index", ops: []Op{DropIndex{Table: users, Index: &schema.Index{Name: "zz"}}}, err: "no index zz on users"},
		{name: "create existing index", ops: []Op{CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_body_idx"}}}, err: "index notes_body_idx already exists"},
		{
			name: "views triggers enums comments",
			ops: []Op{
				DropView{View: &schema.View{Name: "v"}},
				CreateView{View: &schema.View{Name: "w", Def: "SELECT 2"}},
				DropTrigger{Trigger: &schema.Trigger{Name: "tr", Table: "notes"}},
				CreateTrigger{Trigger: &schema.Trigger{Name: "tr2", Table: "users"}},
				CreateEnum{Enum: &schema.Enum{Name: "mood", Values: []string{"a"}}},
				AlterEnum{Name: "mood", From: []string{"a"}, To: []string{"a", "b"}},
				SetTableComment{Table: users, To: "people"},
				Execute{Up: "SELECT 1"},
			},
			check: func(t *testing.T, s *schema.Schema) {
				if s.View("", "w") == nil || s.View("", "v") != nil || s.Trigger("", "tr2") == nil ||
					len(s.Enums[0].Values) != 2 || s.Table("", "users").Comment != "people" {
					t.Fatal("objects not applied")
				}
			},
		},
		{name: "drop missing view", ops: []Op{DropView{View: &schema.View{Name: "nope"}}}, err: "no view nope"},
		{name: "trigger on missing table", ops: []Op{CreateTrigger{Trigger: &schema.Trigger{Name: "t", Table: "nope"}}}, err: "no table or view nope"},
		{name: "drop missing enum", ops: []Op{DropEnum{Enum: &schema.Enum{Name: "nope"}}}, err: "no enum nope"},
		{name: "op on missing table", ops: []Op{AddCheck{Table: Ref{Name: "nope"}, Check: &schema.Check{Expr: "1"}}}, err: "no table nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := applyBase()
			err := Apply(s, tt.ops...)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, s)
		})
	}
}

// Applying ops then their reverse restores the schema.
func TestApplyReverseRestores(t *testing.T) {
	base := applyBase()
	notes := Ref{Name: "notes"}
	ops := []Op{
		AddColumn{Table: notes, Column: &schema.Column{Name: "x", Type: "TEXT", Nullable: true}},
		RenameColumn{Table: notes, Old: "x", New: "y"},
		AddCheck{Table: notes, Check: &schema.Check{Name: "c", Expr: "y <> ''"}},
		DropForeignKey{Table: notes, FK: base.Tables[1].ForeignKeys[0]},
		RenameTable{Old: "users", New: "people"},
	}
	s := base.Clone()
	if err := Apply(s, ops...); err != nil {
		t.Fatal(err)
	}
	if err := Apply(s, ReverseAll(ops)...); err != nil {
		t.Fatal(err)
	}
	// Reversal appends the key back at the end and clears kept SQL.
	if !reflect.DeepEqual(s, base.Clone()) {
		t.Fatalf("not restored:\n%+v\n%+v", s.Tables[1], base.Tables[1])
	}
}

func TestApplyRewriteIdents(t *testing.T) {
	tests := []struct{ in, want string }{
		{`body <> 'body'`, `"b" <> 'body'`},
		{`"body" || [body] || ` + "`body`", `"b" || "b" || "b"`},
		{`length(body) + body.x + 1e5`, `length("b") + body.x + 1e5`},
		{`"it""s" = body`, `"it""s" = "b"`},
		{`BODY`, `"b"`},
	}
	for _, tt := range tests {
		got := applyRewriteIdents(tt.in, func(n string) (string, bool) { return "b", strings.EqualFold(n, "body") })
		if got != tt.want {
			t.Errorf("%s: got %s want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzApplyRewriteIdents(f *testing.F) {
	f.Add(`a = 'x''y' AND "q""r" > [s] OR ` + "`t`")
	f.Add(`length(b) + 1e5`)
	f.Fuzz(func(t *testing.T, s string) {
		// Rewriting nothing must give back the input.
		if got := applyRewriteIdents(s, func(string) (string, bool) { return "", false }); got != s {
			t.Fatalf("identity rewrite changed %q to %q", s, got)
		}
	})
}
