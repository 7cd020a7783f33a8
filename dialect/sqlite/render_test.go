package sqlite

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderCases render against the fixture; each also runs on a real
// database seeded with the fixture, so every golden statement is valid.
func renderCases(cur *schema.Schema) []struct {
	name string
	ops  []op.Op
} {
	notes, users, acl, members := op.Ref{Name: "notes"}, op.Ref{Name: "users"}, op.Ref{Name: "acl"}, op.Ref{Name: "members"}
	n := cur.Table("", "notes")
	return []struct {
		name string
		ops  []op.Op
	}{
		{"create_table", []op.Op{
			op.CreateTable{Table: &schema.Table{
				Name: "tags",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER"},
					{Name: "note_id", Type: "INTEGER"},
					{Name: "label", Type: "TEXT", Collation: "NOCASE", Default: rebuildStrp("'new'")},
					{Name: "created", Type: "TEXT", Default: rebuildStrp("CURRENT_TIMESTAMP")},
					{Name: "stamp", Type: "TEXT", Nullable: true, Default: rebuildStrp("datetime('now')")},
					{Name: "upper_label", Type: "TEXT", Nullable: true, Generated: &schema.Generated{Expr: "upper(label)", Stored: true}},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
				Uniques:    []*schema.Unique{{Columns: []string{"note_id", "label"}}},
				Checks:     []*schema.Check{{Expr: "label <> ''"}},
				Indexes:    []*schema.Index{{Parts: []schema.IndexPart{{Column: "label"}}}},
			}},
			// Folded into the CREATE TABLE.
			op.AddForeignKey{Table: op.Ref{Name: "tags"}, FK: &schema.ForeignKey{Columns: []string{"note_id"},
				RefTable: "notes", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "RESTRICT",
				Deferrable: true, InitiallyDeferred: true}},
			op.CreateIndex{Table: op.Ref{Name: "tags"}, Index: &schema.Index{Name: "tags_created_idx", Parts: []schema.IndexPart{{Column: "created", Desc: true}}}},
		}},
		{"create_table_without_rowid_strict", []op.Op{op.CreateTable{Table: &schema.Table{
			Name:       "kv",
			Columns:    []*schema.Column{{Name: "k", Type: "TEXT"}, {Name: "v", Type: "ANY", Nullable: true}},
			PrimaryKey: &schema.PrimaryKey{Name: "kv_pk", Columns: []string{"k"}},
			Options:    map[string]string{"WITHOUT ROWID": "true", "STRICT": "true"},
		}}}},
		{"drop_table", []op.Op{op.DropTable{Table: cur.Table("", "acl")}}},
		{"rename_table", []op.Op{op.RenameTable{Old: "acl", New: "grants"}}},
		{"add_column", []op.Op{
			op.AddColumn{Table: notes, Column: &schema.Column{Name: "title", Type: "TEXT", Default: rebuildStrp("'untitled'")}},
			op.AddColumn{Table: notes, Column: &schema.Column{Name: "lower_body", Type: "TEXT", Nullable: true, Generated: &schema.Generated{Expr: "lower(body)"}}},
		}},
		{"add_column_rebuild", []op.Op{
			op.AddColumn{Table: acl, Column: &schema.Column{Name: "granted", Type: "TEXT", Default: rebuildStrp("CURRENT_TIMESTAMP")}},
		}},
		{"drop_column", []op.Op{op.DropColumn{Table: acl, Column: cur.Table("", "acl").Column("level")}}},
		// A table split: the new table is created before the column is
		// dropped, so a data copy can be written between the two.
		{"split_creates_before_drops", []op.Op{
			op.CreateTable{Table: &schema.Table{Name: "acl_levels", Columns: []*schema.Column{
				{Name: "acl_id", Type: "INTEGER"}, {Name: "level", Type: "INTEGER", Nullable: true}}}},
			op.DropColumn{Table: acl, Column: cur.Table("", "acl").Column("level")},
			op.CreateIndex{Table: op.Ref{Name: "acl_levels"}, Index: &schema.Index{Name: "acl_levels_level_idx", Parts: []schema.IndexPart{{Column: "level"}}}},
		}},
		{"drop_indexed_column", []op.Op{op.DropColumn{Table: notes, Column: n.Column("author_id")}}},
		{"rename_column", []op.Op{op.RenameColumn{Table: users, Old: "email", New: "mail"}}},
		{"indexes", []op.Op{
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_lower_idx", Unique: true,
				Parts: []schema.IndexPart{{Expr: "lower(body)"}, {Column: "id", Desc: true}}, Where: "parent_id IS NULL"}},
			op.CreateIndex{Table: acl, Index: &schema.Index{Parts: []schema.IndexPart{{Column: "level", Collation: "NOCASE"}}}},
			op.DropIndex{Table: notes, Index: n.Index("notes_body_idx")},
			op.RenameIndex{Table: notes, Old: "notes_author_id_idx", New: "notes_by_author"},
		}},
		{"views_triggers_execute", []op.Op{
			op.DropView{View: cur.Views[0]},
			op.CreateView{View: &schema.View{Name: "emails", Def: "SELECT email FROM users"}},
			op.DropTrigger{Trigger: cur.Triggers[1]},
			op.CreateTrigger{Trigger: &schema.Trigger{Name: "users_guard", Table: "users",
				SQL: "CREATE TRIGGER users_guard BEFORE DELETE ON users BEGIN SELECT 1; END"}},
			op.Execute{Up: "UPDATE acl SET level = 'r' WHERE level IS NULL;"},
			op.SetTableComment{Table: users, To: "people"},
		}},
		{"fk_change_action", []op.Op{
			op.DropForeignKey{Table: notes, FK: n.ForeignKeys[0]},
			op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"},
				RefTable: "users", RefColumns: []string{"id"}, OnDelete: "SET NULL", OnUpdate: "CASCADE"}},
		}},
		{"composite_fk", []op.Op{
			op.AddForeignKey{Table: acl, FK: &schema.ForeignKey{Columns: []string{"org", "user_id"},
				RefTable: "members", RefColumns: []string{"org", "user_id"}, OnDelete: "CASCADE", Match: "FULL"}},
		}},
		{"self_ref_fk", []op.Op{
			op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Columns: []string{"parent_id"},
				RefTable: "notes", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		}},
		// Unnamed stays unnamed (Capabilities.UnnamedChecks).
		{"add_check", []op.Op{op.AddCheck{Table: users, Check: &schema.Check{Expr: "email LIKE '%@%'"}}}},
		// No ALTER changes them: a rebuild, keeping acl's rowids.
		{"set_options_strict", []op.Op{op.SetTableOptions{Table: acl, From: map[string]string{}, To: map[string]string{"STRICT": "true"}}}},
		{"set_options_rowid", []op.Op{op.SetTableOptions{Table: members, From: map[string]string{"WITHOUT ROWID": "true"}, To: map[string]string{}}}},
		{"column_type_change", []op.Op{
			op.AlterColumn{Table: acl, From: cur.Table("", "acl").Column("level"),
				To: &schema.Column{Name: "level", Type: "VARCHAR(10)", Default: rebuildStrp("'r'")}},
		}},
		{"uniques_pk_constraint_rename", []op.Op{
			op.DropUnique{Table: users, Unique: cur.Table("", "users").Uniques[0]},
			op.AddUnique{Table: users, Unique: &schema.Unique{Columns: []string{"email", "id"}}},
			op.RenameConstraint{Table: users, Kind: "pk", Old: "users_pkey", New: "users_pk"},
			op.AlterPrimaryKey{Table: members, From: cur.Table("", "members").PrimaryKey,
				To: &schema.PrimaryKey{Columns: []string{"user_id", "org"}}},
		}},
		// A descending key is rendered as a table constraint, keeping DESC.
		{"pk_desc", []op.Op{
			op.AlterPrimaryKey{Table: members, From: cur.Table("", "members").PrimaryKey,
				To: &schema.PrimaryKey{Columns: []string{"org", "user_id"}, Desc: []string{"user_id"}}},
		}},
		{"two_tables_one_pragma", []op.Op{
			// Interleaved as diff orders them: one rebuild per table.
			op.DropForeignKey{Table: notes, FK: n.ForeignKeys[0]},
			op.AddCheck{Table: acl, Check: &schema.Check{Name: "acl_level_check", Expr: "level IN ('r', 'rw')"}},
			op.AddColumn{Table: notes, Column: &schema.Column{Name: "pinned", Type: "INTEGER", Default: rebuildStrp("0")}},
			op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"},
				RefTable: "users", RefColumns: []string{"id"}}},
		}},
	}
}

func TestRenderGolden(t *testing.T) {
	want := golden.Open(t, filepath.Join("testdata", "render.txtar"))
	for _, tc := range renderCases(rebuildFixture()) {
		t.Run(tc.name, func(t *testing.T) {
			cur := rebuildFixture()
			stmts, err := Dialect{}.Render(tc.ops, cur, dialect.RenderOptions{Naming: dialectNaming()})
			if err != nil {
				t.Fatal(err)
			}
			want.Check(t, tc.name, strings.Join(stmts, ";\n\n")+";\n")
			// The statements run on a real database, and the model the ops
			// describe is what the database then holds.
			db, seeded := rebuildSeeded(t)
			if _, err := rebuildMigrate(t, db, seeded, tc.ops); err != nil {
				t.Fatal(err)
			}
			if n := prepQueryInt(t, db, `SELECT count(*) FROM sqlite_master WHERE name LIKE '\_retort\_new\_%' ESCAPE '\'`); n != 0 {
				t.Fatal("a _retort_new_ table is left")
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	cur := rebuildFixture()
	tests := []struct {
		name string
		ops  []op.Op
		want string
	}{
		{"enum", []op.Op{op.CreateEnum{Enum: &schema.Enum{Name: "mood"}}}, "SQLite has no enum types"},
		{"missing table", []op.Op{op.AddCheck{Table: op.Ref{Name: "nope"}, Check: &schema.Check{Expr: "1"}}}, "no table nope"},
		{"missing column", []op.Op{op.DropColumn{Table: op.Ref{Name: "notes"}, Column: &schema.Column{Name: "zz"}}}, "no column notes.zz"},
	}
	for _, tt := range tests {
		_, err := Dialect{}.Render(tt.ops, cur, dialect.RenderOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestRenderDoesNotTouchCurrent(t *testing.T) {
	cur := rebuildFixture()
	before := cur.Clone()
	for _, tc := range renderCases(cur) {
		if _, err := (Dialect{}).Render(tc.ops, cur, dialect.RenderOptions{}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
	}
	a, b := renderJSON(before), renderJSON(cur)
	if a != b {
		t.Fatal("Render changed its current schema")
	}
}

// dialectNaming is the naming retort renders SQLite with (newMigrator).
func dialectNaming() schema.Naming {
	caps := Dialect{}.Capabilities()
	return schema.Naming{MaxLen: caps.NameLimit, KeepUnnamedChecks: caps.UnnamedChecks}
}

func renderJSON(s *schema.Schema) string {
	b, _ := json.Marshal(s)
	return string(b)
}
